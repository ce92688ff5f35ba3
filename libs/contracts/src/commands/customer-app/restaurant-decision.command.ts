import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount, IsShortText } from '../../events/shared/field-rules';

export const RESTAURANT_DECISIONS = ['accept', 'reject'] as const;
export type RestaurantDecision = (typeof RESTAURANT_DECISIONS)[number];

/**
 * Gateway -> order-status (`order-status.restaurant-decision`): the restaurant accepts or
 * rejects an order as a lifecycle action. The gateway has checked, with the cart, that the
 * order is this restaurant's and that the customer confirmed payment.
 */
export class RestaurantDecisionRequest {
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  restaurantId: string;

  @IsIdentifier()
  customerId: string;

  /** What the customer pays, for OrderConfirmed. */
  @IsMinorAmount()
  totalMinor: number;

  @IsCurrency()
  currency: string;

  @IsIn(RESTAURANT_DECISIONS)
  decision: RestaurantDecision;

  /** Cash orders are accepted unpaid (paid on delivery); card orders only once paid. */
  @IsIn(['card', 'cash'])
  paymentTerms: 'card' | 'cash';

  @IsOptional()
  @IsShortText(500)
  reason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;
}

export interface RestaurantDecisionResponse {
  orderId: string;
  /** Lifecycle status code after the decision (10 confirmed, 30 cancelled). */
  lifecycleStatus: number;
  refundRequired: boolean;
}
