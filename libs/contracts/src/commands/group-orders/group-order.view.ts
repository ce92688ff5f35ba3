/**
 * What the group-order commands reply: the public API bodies exactly, so the gateway passes them
 * through. Ids are numeric strings ("8", "20"); money is integer cents; times are
 * "YYYY-MM-DD HH:mm:ss" in UTC.
 */

/** An address as the customer sent it; optional fields are absent when not given. */
export interface GroupOrderDeliveryAddressView {
  street?: string;
  details?: string;
  city?: string;
  postcode?: number | string;
  state?: string;
  country?: string;
  latitude: number;
  longitude: number;
}

/** The ordered product formats of a member order, priced when it was placed. */
export interface GroupOrderProductFormatView {
  id: string;
  name: string;
  /** Unit price in cents. */
  price: number;
  quantity: number;
}

/** A member order's customer; an external order's customer has no account, hence no id. */
export interface GroupOrderCustomerView {
  id?: string;
  firstName: string;
  lastName: string;
  phoneNumber: string;
}

export interface GroupOrderRestaurantView {
  id: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

/** GET /groupOrders/{id}: `restaurant` only with include=restaurant. */
export interface GroupOrderView {
  id: string;
  joinable: boolean;
  totalRawPrice: number;
  discountRate: number;
  createdAt: string;
  remainingCapacity: number;
  closedAt: string;
  endingAt: string;
  confirmed: boolean;
  preparedAt: string;
  restaurant?: GroupOrderRestaurantView;
}

/** GET /orders/{id} for a member order: the optional objects only when included. */
export interface GroupMemberOrderView {
  id: string;
  /** Sum of the ordered product formats' prices; never changes. */
  rawPrice: number;
  /** Decreases as people join the group. */
  discountedPrice: number;
  createdAt: string;
  comment?: string;
  customer?: GroupOrderCustomerView;
  groupOrder?: GroupOrderView;
  deliveryAddress?: GroupOrderDeliveryAddressView;
  productFormats?: GroupOrderProductFormatView[];
  restaurant?: GroupOrderRestaurantView;
}

/** Include names the order reads understand; unknown names are ignored. */
export const GROUP_MEMBER_ORDER_INCLUDES = ['customer', 'groupOrder', 'deliveryAddress', 'productFormats', 'restaurant'] as const;
export const GROUP_ORDER_INCLUDES = ['restaurant'] as const;

/** errorKeys the group-order commands reply in `details.errorKey` (the API's error bodies). */
export const GroupOrderErrorKeys = {
  InvalidRequest: 'invalidRequest',
  CommentTooLong: 'commentTooLong',
  MissingProductFormats: 'missingProductFormats',
  MissingDeliveryAddress: 'missingDeliveryAddress',
  MissingCoordinates: 'missingCoordinates',
  WrongAuthenticatedUser: 'wrongAuthenticatedUser',
  UserShouldBeActivated: 'userShouldBeActivated',
  MissingCustomerInformation: 'missingCustomerInformation',
  UnexistingProductFormats: 'unexistingProductFormats',
  OrderNotFound: 'orderNotFound',
  GroupOrderNotFound: 'groupOrderNotFound',
  RestaurantNotFound: 'restaurantNotFound',
  InvalidFoodRushDuration: 'invalidFoodRushDuration',
  NoProductFormats: 'noProductFormats',
  ProductFormatsFromDifferentRestaurants: 'productFormatsFromDifferentRestaurants',
  DeliveryDistanceTooLong: 'deliveryDistanceTooLong',
  RestaurantNotLocated: 'restaurantNotLocated',
  RestaurantClosed: 'restaurantClosed',
  RestaurantClosingSoon: 'restaurantClosingSoon',
  RestaurantDeliveryCapacityExceeded: 'restaurantDeliveryCapacityExceeded',
  MinimumGroupOrderPriceNotReached: 'minimumGroupOrderPriceNotReached',
  GroupOrderAlreadyExisting: 'groupOrderAlreadyExisting',
  GroupOrderCannotBeJoined: 'groupOrderCannotBeJoined',
  GroupOrderCannotBeConfirmed: 'groupOrderCannotBeConfirmed',
  /** 422: an Idempotency-Key already answered a different request of the same requester. */
  IdempotencyKeyReused: 'idempotencyKeyReused',
} as const;
export type GroupOrderErrorKey = (typeof GroupOrderErrorKeys)[keyof typeof GroupOrderErrorKeys];
