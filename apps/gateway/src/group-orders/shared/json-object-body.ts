import { invalidRequest } from './food-rush-refusal';

/**
 * The cart validates the body's fields and owns their messages; the gateway only makes sure a
 * JSON object travels (an array, a string or nothing is refused here, in the family's shape).
 */
export function requireJsonObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalidRequest('The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** `POST /orders` is shared with the customer app: a body carrying this field is a FoodRush order. */
export function isFoodRushOrderBody(body: unknown): boolean {
  return body !== null && typeof body === 'object' && !Array.isArray(body) && 'foodRushDurationInMinutes' in body;
}
