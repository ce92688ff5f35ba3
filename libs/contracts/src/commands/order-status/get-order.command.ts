import { Type } from 'class-transformer';
import { IsIn, IsISO8601, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsIdentifier, IsShortText } from '../../events/shared/field-rules';

/** Where an order stands in the checkout flow, as order-status derives it from the events seen. */
export const CHECKOUT_STATUSES = ['pending', 'invoiced', 'payment_failed', 'paid', 'shipped', 'delivered', 'cancelled'] as const;
export type CheckoutStatus = (typeof CHECKOUT_STATUSES)[number];

/** Gateway -> order-status: the order's status and timeline (topic `order-status.get-order`). */
export class GetOrderRequest {
  @IsIdentifier()
  orderId: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;
}

/** One event that moved the order, in the order it happened (event time, not arrival). */
export class OrderTimelineStep {
  /** The event type, e.g. 'CartUpdated'. */
  @IsShortText(100)
  step: string;

  @IsISO8601()
  at: string;

  @IsIdentifier()
  eventId: string;

  /** A few facts from the event (invoice number, tracking number, failure reason). */
  @IsObject()
  details: Record<string, unknown>;
}

export class GetOrderResponse {
  @IsIdentifier()
  orderId: string;

  @IsIn(CHECKOUT_STATUSES)
  status: CheckoutStatus;

  @IsOptional()
  @IsShortText()
  cancellationReason?: string;

  @ValidateNested({ each: true })
  @Type(() => OrderTimelineStep)
  timeline: OrderTimelineStep[];
}
