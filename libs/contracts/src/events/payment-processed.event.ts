import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount, IsShortText } from './shared/field-rules';

export const PAYMENT_METHODS = ['card', 'cash', 'invoice', 'wallet', 'account'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The card a payment was taken from, masked: never more than the first 6 and last 4 digits. */
export class MaskedCardDetails {
  @IsShortText(30)
  brand: string;

  @IsOptional()
  @Matches(/^\d{6}$/)
  first6?: string | null;

  @Matches(/^\d{4}$/)
  last4: string;

  @IsInt()
  @Min(1)
  @Max(12)
  expMonth: number;

  @IsInt()
  @Min(2000)
  @Max(2200)
  expYear: number;

  @IsOptional()
  @IsShortText(200)
  holderName?: string | null;
}

/**
 * Payment for an order is settled: captured by card, settled on a wholesale account
 * ('account'), or, for method 'cash', accepted to be collected by the merchant on delivery
 * (nothing was captured, so nothing is ever refunded for it).
 */
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

  @IsOptional()
  @IsIdentifier()
  customerId?: string;

  /** The payment service's numeric transaction id. */
  @IsOptional()
  @IsInt()
  @Min(1)
  transactionId?: number;

  /** Null when no card was involved (methods 'account' and 'cash'). */
  @IsOptional()
  @ValidateNested()
  @Type(() => MaskedCardDetails)
  card?: MaskedCardDetails | null;

  /**
   * Copied from the paid invoice (InvoiceCreated): the group delivery round the order ships with.
   * Shipment may see the payment before the invoice, so the hold travels with both.
   */
  @IsOptional()
  @IsIdentifier()
  deliveryRoundId?: string;

  /** Copied from the paid invoice (InvoiceCreated): shipment holds the order until the merchant confirms it (OrderConfirmed). */
  @IsOptional()
  @IsBoolean()
  awaitsMerchantConfirmation?: boolean;
}
