import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIdentifier, IsShortText } from '../../events/shared/field-rules';
import { Topics } from '../../topics/topics';

export const NOTIFIABLE_EVENTS = Object.values(Topics);

/**
 * Gateway -> email (topic `email.send-notification`): an informational mail about an order
 * event. With an idempotency key, a repeated request sends nothing new and answers the same.
 */
export class SendNotificationRequest {
  @IsIn(NOTIFIABLE_EVENTS)
  event: string;

  @IsShortText(200)
  name: string;

  @IsEmail()
  @MaxLength(320)
  email: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  idempotencyKey?: string;

  /** When given, the mail is linked to the order and EmailSent is published for it. */
  @IsOptional()
  @IsIdentifier()
  orderId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;
}

export const NOTIFICATION_REPLY_STATUSES = ['OK'] as const;

export class SendNotificationResponse {
  @IsIn(NOTIFICATION_REPLY_STATUSES)
  status: 'OK';

  @IsIdentifier()
  notificationId: string;
}
