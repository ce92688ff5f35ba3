import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount } from './shared/field-rules';
import { OrderLine } from './shared/order-line';
import { PostalAddress } from './shared/postal-address';

export const ORDER_CHANNELS = ['customer-app', 'restaurant-app', 'store', 'group', 'checkout', 'wholesale'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

/** A cart was submitted as an order: the priced order every other service starts from. */
export class CartUpdatedPayload {
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  customerId: string;

  @IsOptional()
  @IsEmail()
  customerEmail?: string;

  /** The restaurant, store or wholesaler that fulfils the order. */
  @IsOptional()
  @IsIdentifier()
  merchantId?: string;

  @IsOptional()
  @IsIn(ORDER_CHANNELS)
  channel?: OrderChannel;

  @IsCurrency()
  currency: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => OrderLine)
  items: OrderLine[];

  @IsMinorAmount()
  subtotalMinor: number;

  @IsOptional()
  @IsMinorAmount()
  discountMinor?: number;

  @IsOptional()
  @IsMinorAmount()
  shippingMinor?: number;

  @IsMinorAmount()
  taxMinor: number;

  @IsMinorAmount()
  totalMinor: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddress)
  deliveryAddress?: PostalAddress;
}
