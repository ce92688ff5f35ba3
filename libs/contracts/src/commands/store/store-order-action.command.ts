import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsCurrency, IsMinorAmount, IsShortText } from '../../events/shared/field-rules';

/** The four moves a store / POS integration may make on one of its orders. */
export const STORE_ORDER_ACTIONS = ['confirm', 'paid', 'complete', 'cancel'] as const;
export type StoreOrderAction = (typeof STORE_ORDER_ACTIONS)[number];

/**
 * Gateway -> order-status (`order-status.store-action`). The gateway forwards the presented
 * store token unchanged; order-status resolves the store from its hash, so only order-status
 * decides whose orders a caller may move.
 */
export class StoreOrderActionRequest {
  @IsIn(STORE_ORDER_ACTIONS)
  action: StoreOrderAction;

  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,40}$/, { message: 'orderNumber must be 1-40 letters, digits or dashes' })
  orderNumber: string;

  /** Absent or unknown -> UNAUTHORIZED "Invalid token". */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  token?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;
}

export const INVALID_STORE_TOKEN = 'Invalid token';

/**
 * Why order-status refused a store action: the reply is VALIDATION_FAILED with
 * `details: { refusal }`. ORDER_NOT_FOUND also covers another store's order.
 */
export const STORE_REFUSALS = ['ORDER_NOT_FOUND', 'ALREADY_CONFIRMED', 'ALREADY_PAID', 'ALREADY_COMPLETED', 'ALREADY_CANCELLED'] as const;
export type StoreRefusal = (typeof STORE_REFUSALS)[number];

export interface StoreRefusalDetails {
  refusal: StoreRefusal;
}

export function isStoreRefusalDetails(value: unknown): value is StoreRefusalDetails {
  return STORE_REFUSALS.includes((value as { refusal?: unknown } | null)?.refusal as StoreRefusal);
}

export class StoreOrderUser {
  @IsInt()
  id: number;

  @IsShortText(200)
  name: string;

  @IsShortText(40)
  phone: string;
}

/** The order as a store sees it, money in minor units of `currency`; the gateway renders it. */
export class StoreOrderView {
  @IsInt()
  id: number;

  @IsString()
  number: string;

  @IsCurrency()
  currency: string;

  /** Before tax, service charge, delivery fee, discount and promotion. */
  @IsMinorAmount()
  totalMinor: number;

  @IsMinorAmount()
  taxMinor: number;

  @IsMinorAmount()
  serviceChargeMinor: number;

  /** After all of them: what the customer pays. */
  @IsMinorAmount()
  grandTotalMinor: number;

  @IsOptional()
  @IsString()
  tableNumber: string | null;

  /** 1 Mobile App, 2 POS, 3 Kiosk, 4 Web. */
  @IsInt()
  channel: number;

  @IsOptional()
  @IsString()
  notes: string | null;

  @IsInt()
  status: number;

  @IsInt()
  deliveryStatus: number;

  @IsString()
  statusText: string;

  @IsString()
  storeName: string;

  @IsOptional()
  @IsInt()
  userId: number | null;

  /** UNIX seconds. */
  @IsInt()
  createdAt: number;

  @IsOptional()
  @IsInt()
  paymentMethod: number | null;

  @IsInt()
  paymentStatus: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => StoreOrderUser)
  user: StoreOrderUser | null;

  @IsOptional()
  deliveryInfo: Record<string, unknown> | null;
}

export type StoreOrderActionResponse = StoreOrderView;
