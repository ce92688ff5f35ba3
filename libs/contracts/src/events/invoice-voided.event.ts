import { IsISO8601 } from 'class-validator';
import { IsIdentifier, IsShortText } from './shared/field-rules';

/** An invoice was cancelled (order cancelled or payment failed for good). */
export class InvoiceVoidedPayload {
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  invoiceId: string;

  @IsShortText(50)
  invoiceNumber: string;

  @IsShortText()
  reason: string;

  @IsISO8601()
  voidedAt: string;
}
