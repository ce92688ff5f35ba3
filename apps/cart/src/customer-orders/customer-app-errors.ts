import { CommandErrorCodes, type CommandReply, replyError } from '@order-platform/contracts';

/** Command errors carry the customer-app family's errorKey in `details`, so the gateway shows it unchanged. */
export function appError(code: string, errorKey: string, message: string): CommandReply<never> {
  return replyError(code, message, { errorKey });
}

export const badRequest = (errorKey: string, message: string) => appError(CommandErrorCodes.ValidationFailed, errorKey, message);

export const orderNotFound = (orderId: string) => appError(CommandErrorCodes.NotFound, 'orderNotFound', `Order ${orderId} not found.`);

export const wrongCustomer = (expected: string, actual: string) =>
  appError(CommandErrorCodes.Forbidden, 'wrongAuthenticatedUser', `Should be authenticated as customer ${expected} instead of ${actual}.`);

export const wrongRestaurant = (expected: string, actual: string) =>
  appError(CommandErrorCodes.Forbidden, 'wrongAuthenticatedUser', `Should be authenticated as restaurant ${expected} instead of ${actual}.`);

/** A step sent while the order is in another state: the message names the current state. */
export const outOfOrder = (step: string, state: string) =>
  badRequest('stepOutOfOrder', `Step ${step} is not allowed while the order is ${state}.`);
