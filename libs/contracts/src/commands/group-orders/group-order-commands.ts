import { Type } from 'class-transformer';
import { Allow, ArrayMaxSize, IsArray, IsBoolean, IsLatitude, IsLongitude, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsIdentifier, IsShortText } from '../../events/shared/field-rules';
import { GroupOrderRequester } from './group-order-requester';

/**
 * Gateway -> cart request-reply commands of group orders ("FoodRush"). The gateway passes the
 * HTTP body through untouched as `body`: the cart owns its validation and the API's exact error
 * messages. Errors reply `replyError(code, message, { errorKey })` with VALIDATION_FAILED (400),
 * FORBIDDEN (403), NOT_FOUND (404) or UNPROCESSABLE (422).
 */

class IncludeList {
  /** Include names (e.g. `customer`, `groupOrder`); unknown names are ignored. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  include?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  correlationId?: string;
}

class RequestedBy extends IncludeList {
  @ValidateNested()
  @Type(() => GroupOrderRequester)
  requester: GroupOrderRequester;
}

/**
 * The commands placing a member order. With `idempotencyKey` (the HTTP Idempotency-Key header,
 * trimmed) a repeat of the same request by the same requester answers the first member order;
 * the key with a different request is a 422 idempotencyKeyReused.
 */
class PlacementRequest extends RequestedBy {
  @IsOptional()
  @IsShortText(200)
  idempotencyKey?: string;
}

/** `cart.group-create-order` (POST /orders with foodRushDurationInMinutes): replies GroupMemberOrderView. CUSTOMER_APP only. */
export class CreateGroupOrderRequest extends PlacementRequest {
  /** `{foodRushDurationInMinutes, productFormats: {"1": 2}, deliveryAddress, comment?}` as sent. */
  @Allow()
  body: unknown;
}

/** `cart.group-join-order` (POST /groupOrders/{id}/orders): replies GroupMemberOrderView. CUSTOMER_APP only. */
export class JoinGroupOrderRequest extends PlacementRequest {
  /** The path's id as sent; a non-numeric id is a 404 groupOrderNotFound. */
  @IsIdentifier()
  groupOrderId: string;

  /** `{productFormats, deliveryAddress, comment?}` as sent. */
  @Allow()
  body: unknown;
}

/** `cart.group-external-order` (POST /restaurants/{id}/externalOrders): replies GroupMemberOrderView. That restaurant only. */
export class CreateExternalGroupOrderRequest extends PlacementRequest {
  @IsIdentifier()
  restaurantId: string;

  /** `{productFormats, deliveryAddress, customer: {firstName, lastName, phoneNumber}, comment?}` as sent. */
  @Allow()
  body: unknown;
}

/**
 * `cart.group-get-order` (GET /orders/{digits}): replies GroupMemberOrderView. The order's customer
 * or its restaurant. GET /orders/{id}/deliveryAddress is this with include ['deliveryAddress'],
 * the gateway answering the `deliveryAddress` object.
 */
export class GetGroupMemberOrderRequest extends RequestedBy {
  @IsIdentifier()
  orderId: string;
}

/**
 * `cart.group-list-customer-orders` (GET /customers/{id}/orders and
 * GET /customers/{id}/groupOrders/{groupOrderId}/orders): replies GroupMemberOrderView[], newest
 * first. Only that customer.
 */
export class ListCustomerGroupOrdersRequest extends RequestedBy {
  @IsIdentifier()
  customerId: string;

  @IsOptional()
  @IsIdentifier()
  groupOrderId?: string;
}

/** `cart.group-get-group-order` (GET /groupOrders/{id}): replies GroupOrderView. Any authenticated caller. */
export class GetGroupOrderRequest extends IncludeList {
  @IsIdentifier()
  groupOrderId: string;
}

export class AroundPoint {
  @IsLatitude()
  latitude: number;

  @IsLongitude()
  longitude: number;
}

/**
 * `cart.group-list-group-orders` (GET /groupOrders): replies GroupOrderView[], newest first.
 * `around=1` without latitude and longitude is the gateway's 400 (missingCoordinates);
 * the cart receives `around` only with both.
 */
export class ListGroupOrdersRequest extends IncludeList {
  @IsBoolean()
  joinable: boolean;

  @IsOptional()
  @ValidateNested()
  @Type(() => AroundPoint)
  around?: AroundPoint;
}

/**
 * `cart.group-confirm-group-order`: the restaurant confirms a CLOSED group before endingAt;
 * replies GroupOrderView. RESTAURANT_APP of the group's restaurant only; otherwise 422
 * groupOrderCannotBeConfirmed "The groupOrder #20 cannot be confirmed: it is <state>.".
 */
export class ConfirmGroupOrderRequest extends RequestedBy {
  @IsIdentifier()
  groupOrderId: string;
}
