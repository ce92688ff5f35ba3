import { IsInt, Min } from 'class-validator';
import { WholesaleAuthenticatedRequest } from './wholesale-credentials';

/**
 * Gateway -> cart (`cart.wholesale-get-order`): one of the caller's orders.
 * Replies WholesaleOrderView; NOT_FOUND also when the order belongs to another customer.
 */
export class WholesaleGetOrderRequest extends WholesaleAuthenticatedRequest {
  @IsInt()
  @Min(1)
  orderId: number;
}
