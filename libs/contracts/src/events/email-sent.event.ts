import { IsEmail, IsISO8601, IsUUID } from 'class-validator';
import { IsIdentifier, IsShortText } from './shared/field-rules';

/** A notification mail was accepted by the SMTP relay. */
export class EmailSentPayload {
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  emailId: string;

  /** Template name, e.g. 'order-confirmation'. */
  @IsShortText(100)
  template: string;

  @IsEmail()
  recipient: string;

  /** SMTP Message-ID, for tracing a mail through relays. */
  @IsShortText(300)
  messageId: string;

  /** Id of the event that caused this mail (the idempotency key). */
  @IsUUID()
  triggeredByEventId: string;

  @IsISO8601()
  sentAt: string;
}
