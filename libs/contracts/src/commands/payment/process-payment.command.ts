import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount, IsShortText } from '../../events/shared/field-rules';
import { PAYMENT_TERMS, type PaymentTerms } from '../../events/cart-updated.event';

/**
 * Gateway -> payment (`payment.process-payment`): the invoice's charge, performed now if the
 * InvoiceCreated event has not triggered it yet (one code path, one charge per invoice).
 */
export class ProcessPaymentRequest {
  @IsIdentifier()
  customerId: string;

  @IsIdentifier()
  invoiceId: string;

  /** Must equal the invoice total; a different amount is refused with CONFLICT. */
  @IsMinorAmount()
  totalMinor: number;
}

export class ProcessedPaymentCard {
  @IsOptional()
  @IsShortText(100)
  firstName: string | null;

  @IsOptional()
  @IsShortText(100)
  lastName: string | null;

  @IsOptional()
  @Matches(/^\d{6}$/)
  first6: string | null;

  @Matches(/^\d{4}$/)
  last4: string;

  @IsShortText(30)
  brand: string;

  @IsInt()
  @Min(1)
  @Max(12)
  expMonth: number;

  @IsInt()
  expYear: number;
}

export const PROCESSED_PAYMENT_STATUSES = ['succeeded', 'declined'] as const;
export type ProcessedPaymentStatus = (typeof PROCESSED_PAYMENT_STATUSES)[number];

export class ProcessPaymentResponse {
  /** Numeric and unique per charge. */
  @IsInt()
  @Min(1)
  transactionId: number;

  @IsIn(PROCESSED_PAYMENT_STATUSES)
  status: ProcessedPaymentStatus;

  /** The order's payment terms; only 'card' carries a card ('cash' is collected on delivery). */
  @IsIn(PAYMENT_TERMS)
  method: PaymentTerms;

  @IsOptional()
  @ValidateNested()
  @Type(() => ProcessedPaymentCard)
  card: ProcessedPaymentCard | null;

  @IsIdentifier()
  customerId: string;

  @IsIdentifier()
  invoiceId: string;

  @IsIdentifier()
  orderId: string;

  @IsMinorAmount()
  amountMinor: number;

  @IsCurrency()
  currency: string;

  @IsISO8601()
  createdAt: string;

  @IsISO8601()
  completedAt: string;
}
