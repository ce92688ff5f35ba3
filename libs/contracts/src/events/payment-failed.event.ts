import { IsBoolean, IsInt, IsISO8601, IsOptional, Min } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount, IsShortText } from './shared/field-rules';

/** A charge attempt was declined or errored. */
export class PaymentFailedPayload {
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  paymentId: string;

  @IsOptional()
  @IsIdentifier()
  invoiceId?: string;

  @IsMinorAmount()
  amountMinor: number;

  @IsCurrency()
  currency: string;

  /** Machine-readable reason such as 'card_declined' or 'insufficient_funds'. */
  @IsShortText(100)
  reasonCode: string;

  @IsShortText()
  reason: string;

  /** True when the customer may try again (the order stays open). */
  @IsBoolean()
  retryable: boolean;

  @IsISO8601()
  failedAt: string;

  @IsOptional()
  @IsIdentifier()
  customerId?: string;

  /** The payment service's numeric transaction id of the failed attempt. */
  @IsOptional()
  @IsInt()
  @Min(1)
  transactionId?: number;
}
