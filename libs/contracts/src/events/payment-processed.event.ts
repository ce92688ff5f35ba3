import { IsIn, IsISO8601, IsOptional } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount, IsShortText } from './shared/field-rules';

export const PAYMENT_METHODS = ['card', 'cash', 'invoice', 'wallet'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** Money was captured for an order. */
export class PaymentProcessedPayload {
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

  @IsIn(PAYMENT_METHODS)
  method: PaymentMethod;

  /** Payment provider adapter name, e.g. 'stripe' or 'cash'. */
  @IsShortText(50)
  provider: string;

  @IsOptional()
  @IsShortText(200)
  providerReference?: string;

  @IsISO8601()
  processedAt: string;
}
