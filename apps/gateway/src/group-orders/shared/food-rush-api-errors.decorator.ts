import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { FoodRushErrorBody } from '../views/group-order.body';

/** Every documented FoodRush error: status and an example message (the cart's exact wording). */
const FOOD_RUSH_ERRORS = {
  invalidRequest: [400, 'The request body must be a JSON object.'],
  commentTooLong: [400, 'The comment must be at most 1000 characters, 1200 given.'],
  missingProductFormats: [400, 'The product formats object is required to place an order'],
  missingDeliveryAddress: [400, 'The delivery address object is required to place an order'],
  missingCoordinates: [400, 'latitude and longitude are required with around=1'],
  invalidCoordinate: [400, 'latitude must be a number between -90 and 90.'],
  invalidIdempotencyKey: [400, 'The Idempotency-Key header must be at most 200 characters, 240 given.'],
  unauthenticated: [401, 'A bearer token is required (Authorization: Bearer <token>).'],
  wrongAuthenticatedUser: [403, 'Should be authenticated as customer 5 instead of 6.'],
  userShouldBeActivated: [403, 'The customer #26 should be activated to place an order.'],
  missingCustomerInformation: [403, 'The attributes [firstName, lastName, phoneNumber] are missing for customer customer #35'],
  orderNotFound: [404, 'The order #8 does not exist.'],
  groupOrderNotFound: [404, 'The groupOrder #20 does not exist.'],
  restaurantNotFound: [404, 'The restaurant #99 does not exist.'],
  unexistingProductFormats: [404, 'The product formats #175 do not exist.'],
  invalidFoodRushDuration: [422, 'The FoodRush duration must be between 5 and 60 minutes, 70 given.'],
  noProductFormats: [422, 'There must be at least one product format.'],
  productFormatsFromDifferentRestaurants: [422, 'The product formats must belong to the same restaurant.'],
  deliveryDistanceTooLong: [422, 'The delivery distance should be less than 7 kms, 10 given.'],
  restaurantNotLocated: [422, 'The restaurant #6 has no location, it cannot take group orders.'],
  restaurantClosed: [422, 'The restaurant #6 is closed, it opens at 11:00.'],
  restaurantClosingSoon: [422, 'The restaurant #6 closes at 22:00, too soon for a group order.'],
  restaurantDeliveryCapacityExceeded: [422, 'The restaurant #6 cannot deliver more than 10 items in the same group order, 11 items asked.'],
  minimumGroupOrderPriceNotReached: [422, 'The order price is 810 but must be greater than 1100.'],
  groupOrderAlreadyExisting: [422, 'A group order already exists for the restaurant #6.'],
  groupOrderCannotBeJoined: [422, 'The groupOrder #6 cannot be joined anymore.'],
  groupOrderCannotBeConfirmed: [422, 'The groupOrder #20 cannot be confirmed: it is open.'],
  idempotencyKeyReused: [422, 'The Idempotency-Key 5f1c9a2e-retry-1 was already used for a different request.'],
  unavailable: [503, 'Service temporarily unavailable, please retry'],
} as const satisfies Record<string, readonly [number, string]>;

export type FoodRushErrorName = keyof typeof FOOD_RUSH_ERRORS;

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request',
  401: 'No valid bearer token',
  403: 'Not allowed for this caller',
  404: 'Unknown (ids that are not digits are unknown too)',
  422: 'Refused by the group order rules (or an Idempotency-Key reused for a different request)',
  503: 'The cart did not answer in time; retry',
};

/**
 * Documents a route's errors in the family's `{ errorKey, message }` shape, one named example per
 * errorKey under its status. Every route also answers 400 invalidRequest, 401 and 503.
 */
export function FoodRushApiErrors(...names: FoodRushErrorName[]): MethodDecorator & ClassDecorator {
  const all: FoodRushErrorName[] = [...new Set<FoodRushErrorName>(['unauthenticated', ...names, 'unavailable'])];
  const byStatus = new Map<number, FoodRushErrorName[]>();
  for (const name of all) byStatus.set(FOOD_RUSH_ERRORS[name][0], [...(byStatus.get(FOOD_RUSH_ERRORS[name][0]) ?? []), name]);
  return applyDecorators(
    ...[...byStatus.entries()].map(([status, keys]) =>
      ApiResponse({
        status,
        description: `${DESCRIPTIONS[status]}: ${keys.map((key) => `\`${errorKeyOf(key)}\``).join(', ')}`,
        type: FoodRushErrorBody,
        examples: Object.fromEntries(keys.map((key) => [key, { summary: errorKeyOf(key), value: { errorKey: errorKeyOf(key), message: FOOD_RUSH_ERRORS[key][1] } }])),
      }),
    ),
  );
}

/** Documented cases sharing the invalidRequest key; their names differ only to show every example. */
function errorKeyOf(name: FoodRushErrorName): string {
  return name === 'invalidCoordinate' || name === 'invalidIdempotencyKey' ? 'invalidRequest' : name;
}

