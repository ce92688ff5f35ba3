/** FoodRush orders and group orders have bigserial ids; customer-app orders have UUIDs. */
const DIGITS = /^[0-9]+$/;
const MAX_BIGINT = 9223372036854775807n;

/** The form of a FoodRush id: `GET /orders/{id}` dispatches on it (digits = FoodRush order). */
export function isDigitsOnly(id: string): boolean {
  return DIGITS.test(id);
}

/** Digits that fit a PostgreSQL bigint and could name a stored row; anything else is unknown. */
export function isStorableId(id: string): boolean {
  return isDigitsOnly(id) && id.length <= 19 && BigInt(id) >= 1n && BigInt(id) <= MAX_BIGINT;
}
