import { IsISO8601 } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount, IsShortText } from './shared/field-rules';

/** Captured money went back to the customer (fully or partly). */
export class PaymentRefundedPayload {
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  paymentId: string;

  @IsIdentifier()
  refundId: string;

  @IsMinorAmount()
  amountMinor: number;

  @IsCurrency()
  currency: string;

  @IsShortText()
  reason: string;

  @IsISO8601()
  refundedAt: string;
}
