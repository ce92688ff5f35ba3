import { IsBoolean, IsIn, IsISO8601, IsOptional } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount, IsShortText } from './shared/field-rules';

/** The merchant accepted the order (or it was paid and auto-accepted). */
export class OrderConfirmedPayload {
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  customerId: string;

  @IsMinorAmount()
  totalMinor: number;

  @IsCurrency()
  currency: string;

  @IsOptional()
  @IsISO8601()
  estimatedReadyAt?: string;

  @IsISO8601()
  confirmedAt: string;
}

/** The merchant or a rule refused the order before it was confirmed. */
export class OrderRejectedPayload {
  @IsIdentifier()
  orderId: string;

  @IsShortText(100)
  reasonCode: string;

  @IsShortText()
  reason: string;

  @IsISO8601()
  rejectedAt: string;
}

export const CANCELLATION_ACTORS = ['customer', 'merchant', 'system', 'operator'] as const;
export type CancellationActor = (typeof CANCELLATION_ACTORS)[number];

/** The order was cancelled; money already taken must be refunded. */
export class OrderCancelledPayload {
  @IsIdentifier()
  orderId: string;

  @IsShortText()
  reason: string;

  @IsIn(CANCELLATION_ACTORS)
  cancelledBy: CancellationActor;

  @IsBoolean()
  refundRequired: boolean;

  @IsISO8601()
  cancelledAt: string;
}

/** The order reached its final successful state (delivered, or picked up). */
export class OrderCompletedPayload {
  @IsIdentifier()
  orderId: string;

  @IsISO8601()
  completedAt: string;
}

export const PAYMENT_CONFIRMATION_SOURCES = ['store', 'checkout'] as const;
export type PaymentConfirmationSource = (typeof PAYMENT_CONFIRMATION_SOURCES)[number];

/**
 * The order counts as paid in its lifecycle: a store marked it paid (cash, terminal), or the
 * checkout's PaymentProcessed was applied to it.
 */
export class OrderPaidPayload {
  @IsIdentifier()
  orderId: string;

  @IsMinorAmount()
  amountMinor: number;

  @IsCurrency()
  currency: string;

  @IsIn(PAYMENT_CONFIRMATION_SOURCES)
  source: PaymentConfirmationSource;

  @IsISO8601()
  paidAt: string;
}
