import { formatMinor } from '@order-platform/contracts';

/** The checkout API has no currency on most requests: its amounts are in the shop's currency. */
export const CHECKOUT_CURRENCY = 'USD';

/** Minor units -> the JSON decimal number this API family uses (20000 USD -> 200). */
export function decimalAmount(amountMinor: number, currency: string): number {
  return Number(formatMinor(amountMinor, currency));
}

/**
 * Minor units -> a decimal string with at least one fractional digit, as the payment API
 * prints amounts: 20000 USD -> "200.0", 19995 -> "199.95", 19950 -> "199.5".
 */
export function decimalAmountString(amountMinor: number, currency: string): string {
  const plain = formatMinor(amountMinor, currency);
  if (!plain.includes('.')) return `${plain}.0`;
  return plain.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '.0');
}

/**
 * An instant as ISO 8601 with a numeric offset and whole seconds ("2023-10-12T11:05:27+00:00"),
 * the form the checkout clients parse. Rendered in UTC unless an offset (minutes east) is given.
 */
export function isoWithOffset(instant: string | Date, offsetMinutes = 0): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`'${String(instant)}' is not a time`);
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${shifted}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** Numeric ids print as JSON numbers in this API family ("customer_id": 8080); others stay strings. */
export function numericIdOrString(id: string): number | string {
  return /^[1-9]\d{0,14}$/.test(id) ? Number(id) : id;
}
