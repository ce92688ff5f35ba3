import { Type } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsIdentifier, IsShortText } from '../../events/shared/field-rules';
import { CUSTOMER_APP_PAYMENT_METHODS, type CustomerAppPaymentMethod } from './customer-app-order.view';

/** The PUT /orders/{id} steps cart performs (restaurant decisions go to order-status). */
export const CART_ORDER_STEPS = ['coupon', 'customerDetails', 'paymentConfirmation'] as const;
export type CartOrderStep = (typeof CART_ORDER_STEPS)[number];

export class CustomerDetailsInput {
  @IsShortText(200)
  name: string;

  @IsShortText(50)
  phone: string;

  @IsEmail()
  email: string;

  @IsOptional()
  @IsShortText(500)
  deliveryAddress?: string;
}

/**
 * Gateway -> cart (`cart.customer-app-order-step`): one customer step on the caller's own
 * draft. The fields present depend on `step`; the gateway validated the HTTP body already.
 */
export class CustomerAppOrderStepRequest {
  @IsIdentifier()
  orderId: string;

  /** From the caller's token: the order must be this customer's. */
  @IsIdentifier()
  customerId: string;

  @IsIn(CART_ORDER_STEPS)
  step: CartOrderStep;

  @IsOptional()
  @IsShortText(50)
  couponCode?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerDetailsInput)
  customerDetails?: CustomerDetailsInput;

  @IsOptional()
  @IsIn(CUSTOMER_APP_PAYMENT_METHODS)
  paymentMethod?: CustomerAppPaymentMethod;

  /** Cash: the customer consciously confirmed paying on delivery. */
  @IsOptional()
  @IsBoolean()
  cashConfirmed?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;
}

/** Gateway -> cart (`cart.customer-app-get-order`): the draft, for its owner or its restaurant. */
export class GetCustomerAppOrderRequest {
  @IsIdentifier()
  orderId: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;
}

/**
 * Gateway -> cart (`cart.customer-app-record-decision`): the restaurant's decision, recorded
 * on the draft after order-status has applied it to the lifecycle.
 */
export class RecordRestaurantDecisionRequest {
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  restaurantId: string;

  @IsIn(['ACCEPTED', 'REJECTED'])
  decision: 'ACCEPTED' | 'REJECTED';

  @IsOptional()
  @IsShortText(500)
  reason?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;
}
