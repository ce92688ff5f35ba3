import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount } from '../../events/shared/field-rules';
import { ORDER_CHANNELS, OrderChannel } from '../../events/cart-updated.event';
import { PostalAddress } from '../../events/shared/postal-address';

/** Gateway -> cart: turn a cart into an order (topic `cart.submit-cart`). */
export class SubmitCartRequest {
  @IsIdentifier()
  cartId: string;

  @IsIdentifier()
  customerId: string;

  @IsOptional()
  @IsEmail()
  customerEmail?: string;

  @IsOptional()
  @IsIn(ORDER_CHANNELS)
  channel?: OrderChannel;

  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddress)
  deliveryAddress?: PostalAddress;

  /** Client-supplied key: a retried submit returns the first result instead of a second order. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  idempotencyKey?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;
}

export const SUBMITTED_ORDER_STATUSES = ['submitted'] as const;

export class SubmitCartResponse {
  @IsIdentifier()
  orderId: string;

  @IsIn(SUBMITTED_ORDER_STATUSES)
  status: (typeof SUBMITTED_ORDER_STATUSES)[number];

  @IsCurrency()
  currency: string;

  @IsMinorAmount()
  totalMinor: number;
}
