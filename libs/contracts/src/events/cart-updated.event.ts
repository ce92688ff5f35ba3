import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount, IsShortText } from './shared/field-rules';
import { OrderLine } from './shared/order-line';
import { PostalAddress } from './shared/postal-address';

export const ORDER_CHANNELS = ['customer-app', 'restaurant-app', 'store', 'group', 'checkout', 'wholesale'] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

/**
 * How an order is settled: 'card' charged through the payment provider, 'account' settled on a
 * trade customer's account, 'cash' collected by the merchant on delivery (no provider call).
 */
export const PAYMENT_TERMS = ['card', 'account', 'cash'] as const;
export type PaymentTerms = (typeof PAYMENT_TERMS)[number];

/**
 * Who ordered, as the cart's customer record read when the order was submitted. Billing,
 * shipment and email take contact and address from here instead of asking the cart.
 */
export class CustomerSnapshot {
  @IsIdentifier()
  customerId: string;

  @IsShortText(200)
  name: string;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsShortText(50)
  phone?: string;

  /** The default shipping address on one line, as clients print it ("17 boulevard, 123 apt 6 Brooklyn NY"). */
  @IsOptional()
  @IsShortText(500)
  shippingAddress?: string;

  /** The same address split into fields, when the customer record has them. */
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalAddress)
  shippingPostalAddress?: PostalAddress;
}

/** A cart was submitted as an order: the priced order every other service starts from. */
export class CartUpdatedPayload {
  @IsIdentifier()
  orderId: string;

  @IsIdentifier()
  customerId: string;

  @IsOptional()
  @IsEmail()
  customerEmail?: string;

  /** Set by every cart producer; optional only so events written before it stay valid. */
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerSnapshot)
  customer?: CustomerSnapshot;

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

  /** See PAYMENT_TERMS; absent = card. */
  @IsOptional()
  @IsIn(PAYMENT_TERMS)
  paymentTerms?: PaymentTerms;

  /** Set for a group order's member: shipment holds it until that delivery round starts. */
  @IsOptional()
  @IsIdentifier()
  deliveryRoundId?: string;

  /**
   * Set for an order the merchant must accept first (customer-app orders): shipment holds it,
   * even when paid and invoiced, until OrderConfirmed; a rejected order (OrderCancelled) never ships.
   */
  @IsOptional()
  @IsBoolean()
  awaitsMerchantConfirmation?: boolean;
}
