import { CommandErrorCodes, type CommandReply, GroupOrderErrorKeys as Keys, replyError } from '@order-platform/contracts';

/** A refusal as the API shows it: status (through the code), errorKey and message. */
export interface GroupOrderError {
  code: string;
  errorKey: string;
  message: string;
}

const error = (code: string, errorKey: string, message: string): GroupOrderError => ({ code, errorKey, message });

/** The command reply of a refusal: the gateway renders `{errorKey, message}` with the code's status. */
export function replyGroupOrderError(refusal: GroupOrderError): CommandReply<never> {
  return replyError(refusal.code, refusal.message, { errorKey: refusal.errorKey });
}

const { ValidationFailed, Forbidden, NotFound, Unprocessable } = CommandErrorCodes;

export const GroupOrderErrors = {
  invalidRequest: (message: string) => error(ValidationFailed, Keys.InvalidRequest, message),
  commentTooLong: (max: number, given: number) =>
    error(ValidationFailed, Keys.CommentTooLong, `The comment must be at most ${max} characters, ${given} given.`),
  missingProductFormats: () => error(ValidationFailed, Keys.MissingProductFormats, 'The product formats object is required to place an order'),
  missingDeliveryAddress: () => error(ValidationFailed, Keys.MissingDeliveryAddress, 'The delivery address object is required to place an order'),

  wrongCustomer: (expected: string, actual: string) =>
    error(Forbidden, Keys.WrongAuthenticatedUser, `Should be authenticated as customer ${expected} instead of ${actual}.`),
  wrongRestaurant: (expected: string, actual: string) =>
    error(Forbidden, Keys.WrongAuthenticatedUser, `Should be authenticated as restaurant ${expected} instead of ${actual}.`),
  customersOnly: () => error(Forbidden, Keys.WrongAuthenticatedUser, 'Only a customer can place a group order.'),
  userShouldBeActivated: (customerId: string) =>
    error(Forbidden, Keys.UserShouldBeActivated, `The customer #${customerId} should be activated to place an order.`),
  missingCustomerInformation: (attributes: string[], customer: string) =>
    error(Forbidden, Keys.MissingCustomerInformation, `The attributes [${attributes.join(', ')}] are missing for customer ${customer}`),

  unexistingProductFormats: (ids: string[]) =>
    error(NotFound, Keys.UnexistingProductFormats, `The product formats ${ids.map((id) => `#${id}`).join(', ')} do not exist.`),
  orderNotFound: (orderId: string) => error(NotFound, Keys.OrderNotFound, `The order #${orderId} does not exist.`),
  groupOrderNotFound: (groupOrderId: string) => error(NotFound, Keys.GroupOrderNotFound, `The groupOrder #${groupOrderId} does not exist.`),
  restaurantNotFound: (restaurantId: string) => error(NotFound, Keys.RestaurantNotFound, `The restaurant #${restaurantId} does not exist.`),

  invalidFoodRushDuration: (min: number, max: number, given: number) =>
    error(Unprocessable, Keys.InvalidFoodRushDuration, `The FoodRush duration must be between ${min} and ${max} minutes, ${given} given.`),
  noProductFormats: () => error(Unprocessable, Keys.NoProductFormats, 'There must be at least one product format.'),
  productFormatsFromDifferentRestaurants: () =>
    error(Unprocessable, Keys.ProductFormatsFromDifferentRestaurants, 'The product formats must belong to the same restaurant.'),
  deliveryDistanceTooLong: (limitKm: string, givenKm: string) =>
    error(Unprocessable, Keys.DeliveryDistanceTooLong, `The delivery distance should be less than ${limitKm} kms, ${givenKm} given.`),
  restaurantNotLocated: (restaurantId: string) =>
    error(Unprocessable, Keys.RestaurantNotLocated, `The restaurant #${restaurantId} has no location, it cannot take group orders.`),
  restaurantClosed: (restaurantId: string, opensAt: string) =>
    error(Unprocessable, Keys.RestaurantClosed, `The restaurant #${restaurantId} is closed, it opens at ${opensAt}.`),
  restaurantClosingSoon: (restaurantId: string, closesAt: string) =>
    error(Unprocessable, Keys.RestaurantClosingSoon, `The restaurant #${restaurantId} closes at ${closesAt}, too soon for a group order.`),
  restaurantDeliveryCapacityExceeded: (restaurantId: string, capacity: number, asked: number) =>
    error(
      Unprocessable,
      Keys.RestaurantDeliveryCapacityExceeded,
      `The restaurant #${restaurantId} cannot deliver more than ${capacity} items in the same group order, ${asked} items asked.`,
    ),
  minimumGroupOrderPriceNotReached: (price: number, minimum: number) =>
    error(Unprocessable, Keys.MinimumGroupOrderPriceNotReached, `The order price is ${price} but must be greater than ${minimum}.`),
  groupOrderAlreadyExisting: (restaurantId: string) =>
    error(Unprocessable, Keys.GroupOrderAlreadyExisting, `A group order already exists for the restaurant #${restaurantId}.`),
  groupOrderCannotBeJoined: (groupOrderId: string) =>
    error(Unprocessable, Keys.GroupOrderCannotBeJoined, `The groupOrder #${groupOrderId} cannot be joined anymore.`),
};
