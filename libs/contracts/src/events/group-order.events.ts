import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsISO8601, Max, Min, ValidateNested } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount, IsShortText } from './shared/field-rules';

/**
 * Group orders ("FoodRush"): several customers' orders to one restaurant, delivered in one
 * round. Group events are keyed by `group-order-<id>` (the envelope's orderId), so one
 * group's events stay in order on their partition.
 */
export function groupOrderKey(groupOrderId: string): string {
  return `group-order-${groupOrderId}`;
}

/** One member order of a group, as the checkout flow knows it. */
export class GroupMemberOrder {
  /** The member order's public id (GET /orders/{id}). */
  @IsIdentifier()
  memberOrderId: string;

  /** The id the member order carries through billing, payment, shipment and email. */
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  customerId: string;

  @IsMinorAmount()
  rawPriceMinor: number;

  /** What the member is charged: rawPrice less the group's final discount. */
  @IsMinorAmount()
  discountedPriceMinor: number;
}

/** A member order named by both its ids. */
export class GroupMember {
  @IsIdentifier()
  memberOrderId: string;

  @IsIdentifier()
  orderId: string;
}

class GroupOrderFacts {
  @IsIdentifier()
  groupOrderId: string;

  @IsIdentifier()
  restaurantId: string;

  @IsCurrency()
  currency: string;
}

/** Joining ended at closedAt: the final discount is fixed and every member order entered checkout. */
export class GroupOrderClosedPayload extends GroupOrderFacts {
  @IsInt()
  @Min(0)
  @Max(100)
  discountRate: number;

  @IsMinorAmount()
  totalRawPriceMinor: number;

  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => GroupMemberOrder)
  members: GroupMemberOrder[];

  @IsISO8601()
  closedAt: string;

  /** The restaurant has until then to confirm the group, or it is cancelled and refunded. */
  @IsISO8601()
  endingAt: string;
}

/** The restaurant attested it will deliver the group. */
export class GroupOrderConfirmedPayload extends GroupOrderFacts {
  @IsISO8601()
  confirmedAt: string;

  @IsISO8601()
  preparedAt: string;
}

export const GROUP_CANCELLATION_REASONS = ['not_confirmed_in_time'] as const;

/** The group ended without the restaurant's confirmation: every member order is cancelled (and refunded). */
export class GroupOrderCancelledPayload extends GroupOrderFacts {
  @IsIn(GROUP_CANCELLATION_REASONS)
  reasonCode: (typeof GROUP_CANCELLATION_REASONS)[number];

  @IsShortText()
  reason: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => GroupMember)
  members: GroupMember[];

  @IsISO8601()
  cancelledAt: string;
}

/** The confirmed group's delivery round starts (near preparedAt): ship its paid orders together. */
export class DeliveryRoundStartedPayload extends GroupOrderFacts {
  /** Shipment groups the round's shipments under this id (the group order's id). */
  @IsIdentifier()
  deliveryRoundId: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => GroupMember)
  members: GroupMember[];

  @IsISO8601()
  startedAt: string;
}
