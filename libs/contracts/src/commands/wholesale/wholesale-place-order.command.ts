import { IsIn, IsInt, IsString, Min } from 'class-validator';
import { WHOLESALE_ORDER_STATES, type WholesaleOrderState } from './wholesale-order.view';
import { WholesaleAuthenticatedRequest } from './wholesale-credentials';

/**
 * Gateway -> cart (`cart.wholesale-place-order`): the OPEN order enters the checkout flow
 * (CartUpdated). CONFLICT when it is not OPEN, NOT_FOUND when it is not the caller's.
 */
export class WholesalePlaceOrderRequest extends WholesaleAuthenticatedRequest {
  @IsInt()
  @Min(1)
  orderId: number;
}

export class WholesalePlaceOrderResponse {
  @IsInt()
  orderId: number;

  @IsString()
  platformOrderId: string;

  @IsIn(WHOLESALE_ORDER_STATES)
  orderState: WholesaleOrderState;
}
