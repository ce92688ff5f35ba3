import { CommandErrorCodes } from '@order-platform/contracts';
import { CommandFailedError } from '../../api-errors/command-failed.error';

/**
 * A refusal the gateway decides itself, shaped like the cart's replies (code + errorKey) so the
 * customer-app filter renders both the same way: `{ errorKey, message }` with the code's status.
 */
export class FoodRushRefusal extends CommandFailedError {
  constructor(code: string, errorKey: string, message: string) {
    super({ code, message, details: { errorKey } });
  }
}

/** Malformed input the cart never sees (wrong JSON shape, bad query parameters): 400 naming the field. */
export const invalidRequest = (message: string) => new FoodRushRefusal(CommandErrorCodes.ValidationFailed, 'invalidRequest', message);

// Ids that cannot exist (not digits) are answered like unknown ones, with the cart's own 404 wording.
export const orderNotFound = (id: string) => new FoodRushRefusal(CommandErrorCodes.NotFound, 'orderNotFound', `The order #${id} does not exist.`);
export const groupOrderNotFound = (id: string) => new FoodRushRefusal(CommandErrorCodes.NotFound, 'groupOrderNotFound', `The groupOrder #${id} does not exist.`);
export const restaurantNotFound = (id: string) => new FoodRushRefusal(CommandErrorCodes.NotFound, 'restaurantNotFound', `The restaurant #${id} does not exist.`);
