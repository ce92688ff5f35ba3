import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { IsCurrency, IsIdentifier, IsMinorAmount } from '../../events/shared/field-rules';

/** OPEN until placed; then the checkout flow moves it forward: PLACED, INVOICED, PAID, SHIPPED, or CANCELLED. */
export const WHOLESALE_ORDER_STATES = ['OPEN', 'PLACED', 'INVOICED', 'PAID', 'SHIPPED', 'CANCELLED'] as const;
export type WholesaleOrderState = (typeof WHOLESALE_ORDER_STATES)[number];

export const WHOLESALE_ORDER_TYPES = ['WHOLESALE'] as const;
export type WholesaleOrderType = (typeof WHOLESALE_ORDER_TYPES)[number];

/** DELIVER: carriage to the delivery address; COLLECT: the customer collects (no carriage). */
export const WHOLESALE_DELIVERY_METHODS = ['DELIVER', 'COLLECT'] as const;
export type WholesaleDeliveryMethod = (typeof WHOLESALE_DELIVERY_METHODS)[number];

export const WHOLESALE_PRODUCT_TYPES = ['stock', 'nonstock'] as const;
export type WholesaleProductType = (typeof WHOLESALE_PRODUCT_TYPES)[number];

/**
 * One priced line of a wholesale order, in integer units: unit prices in ten-thousandths of
 * the currency (23.4500 -> 234500), money in minor units, weights in grams.
 */
export class WholesaleOrderLineView {
  @IsIdentifier()
  productCode: string;

  @IsIn(WHOLESALE_PRODUCT_TYPES)
  type: WholesaleProductType;

  @IsInt()
  @Min(1)
  quantity: number;

  @IsString()
  description: string;

  @IsString()
  vatCode: string;

  /** 2000 = 20 %. */
  @IsInt()
  @Min(0)
  @Max(10000)
  vatRateBasisPoints: number;

  @IsMinorAmount()
  unitPriceTenThousandths: number;

  @IsMinorAmount()
  linePriceMinor: number;

  @IsMinorAmount()
  vatMinor: number;

  @IsInt()
  @Min(0)
  unitWeightGrams: number;

  @IsInt()
  @Min(0)
  lineWeightGrams: number;
}

/** A trade customer's order as cart stores it; the gateway renders the API's decimals. */
export class WholesaleOrderView {
  @IsInt()
  orderId: number;

  @IsInt()
  orderNumber: number;

  /** The id every other service knows the order by (events are keyed by it). */
  @IsIdentifier()
  platformOrderId: string;

  @IsString()
  customerOrderNo: string;

  @IsIn(WHOLESALE_ORDER_STATES)
  orderState: WholesaleOrderState;

  @IsIn(WHOLESALE_ORDER_TYPES)
  orderType: WholesaleOrderType;

  @IsIn(WHOLESALE_DELIVERY_METHODS)
  deliveryMethod: WholesaleDeliveryMethod;

  deliveryName: string | null;
  deliveryCompanyName: string | null;
  deliveryAddress1: string | null;
  deliveryAddress2: string | null;
  deliveryTown: string | null;
  deliveryCounty: string | null;
  deliveryCountryCode: string | null;
  deliveryPostcode: string | null;
  deliveryTelephone: string | null;
  notes: string | null;

  @ValidateNested({ each: true })
  @Type(() => WholesaleOrderLineView)
  products: WholesaleOrderLineView[];

  @IsBoolean()
  carriageTba: boolean;

  @IsCurrency()
  currency: string;

  @IsMinorAmount()
  totalVatMinor: number;

  @IsMinorAmount()
  totalPriceMinor: number;

  @IsInt()
  @Min(0)
  totalWeightGrams: number;

  /** ISO 8601. */
  @IsString()
  createdAt: string;

  @IsString()
  createdBy: string;

  @IsOptional()
  @IsString()
  placedBy: string | null;

  @IsOptional()
  @IsString()
  deletedBy: string | null;
}
