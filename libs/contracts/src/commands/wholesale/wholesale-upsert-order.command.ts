import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  WHOLESALE_DELIVERY_METHODS,
  WHOLESALE_ORDER_TYPES,
  type WholesaleDeliveryMethod,
  type WholesaleOrderType,
  WholesaleOrderView,
} from './wholesale-order.view';
import { WholesaleAuthenticatedRequest } from './wholesale-credentials';

/** Field length limits shared by the gateway DTO and the command (one source of truth). */
export const WHOLESALE_FIELD_LIMITS = {
  customerOrderNo: 50,
  deliveryName: 100,
  deliveryCompanyName: 100,
  deliveryAddress1: 100,
  deliveryAddress2: 100,
  deliveryTown: 60,
  deliveryCounty: 60,
  deliveryPostcode: 12,
  deliveryTelephone: 30,
  notes: 500,
  productCode: 30,
  maxProducts: 200,
  maxQuantity: 100000,
} as const;

const isDelivery = (request: WholesaleUpsertOrderRequest) => request.deliveryMethod === 'DELIVER';

export class WholesaleOrderProductRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(WHOLESALE_FIELD_LIMITS.productCode)
  productCode: string;

  @IsInt()
  @Min(1)
  @Max(WHOLESALE_FIELD_LIMITS.maxQuantity)
  quantity: number;
}

/**
 * Gateway -> cart (`cart.wholesale-upsert-order`): creates the order, or updates the caller's
 * OPEN order with the same customerOrderNo. Empty strings are normalised to null by the
 * gateway; delivery address fields are required for DELIVER.
 */
export class WholesaleUpsertOrderRequest extends WholesaleAuthenticatedRequest {
  @IsString()
  @IsNotEmpty()
  @MaxLength(WHOLESALE_FIELD_LIMITS.customerOrderNo)
  customerOrderNo: string;

  @IsIn(WHOLESALE_ORDER_TYPES)
  orderType: WholesaleOrderType;

  @IsIn(WHOLESALE_DELIVERY_METHODS)
  deliveryMethod: WholesaleDeliveryMethod;

  @IsOptional()
  @IsString()
  @MaxLength(WHOLESALE_FIELD_LIMITS.deliveryName)
  deliveryName?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(WHOLESALE_FIELD_LIMITS.deliveryCompanyName)
  deliveryCompanyName?: string | null;

  @ValidateIf((request: WholesaleUpsertOrderRequest) => isDelivery(request) || request.deliveryAddress1 != null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(WHOLESALE_FIELD_LIMITS.deliveryAddress1)
  deliveryAddress1?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(WHOLESALE_FIELD_LIMITS.deliveryAddress2)
  deliveryAddress2?: string | null;

  @ValidateIf((request: WholesaleUpsertOrderRequest) => isDelivery(request) || request.deliveryTown != null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(WHOLESALE_FIELD_LIMITS.deliveryTown)
  deliveryTown?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(WHOLESALE_FIELD_LIMITS.deliveryCounty)
  deliveryCounty?: string | null;

  /** ISO 3166-1 alpha-2. */
  @ValidateIf((request: WholesaleUpsertOrderRequest) => isDelivery(request) || request.deliveryCountryCode != null)
  @IsString()
  @Length(2, 2)
  deliveryCountryCode?: string | null;

  @ValidateIf((request: WholesaleUpsertOrderRequest) => isDelivery(request) || request.deliveryPostcode != null)
  @IsString()
  @IsNotEmpty()
  @MaxLength(WHOLESALE_FIELD_LIMITS.deliveryPostcode)
  deliveryPostcode?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(WHOLESALE_FIELD_LIMITS.deliveryTelephone)
  deliveryTelephone?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(WHOLESALE_FIELD_LIMITS.notes)
  notes?: string | null;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WHOLESALE_FIELD_LIMITS.maxProducts)
  @ValidateNested({ each: true })
  @Type(() => WholesaleOrderProductRequest)
  products: WholesaleOrderProductRequest[];
}

export class WholesaleUpsertOrderResponse {
  /** true: a new order (201); false: the OPEN order with this customerOrderNo was updated (200). */
  @IsBoolean()
  created: boolean;

  @ValidateNested()
  @Type(() => WholesaleOrderView)
  order: WholesaleOrderView;
}
