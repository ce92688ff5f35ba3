import { assertCurrency } from './currency-exponent';
import { formatMinor } from './format-minor';
import { parseMinor, ParseMinorOptions } from './parse-minor';
import { assertMinorUnits } from './rounding';

/** An amount of money: integer minor units plus an ISO 4217 code. Never a float. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

export function money(amountMinor: number, currency: string): Money {
  assertMinorUnits(amountMinor);
  assertCurrency(currency);
  return { amountMinor, currency };
}

export function moneyFromDecimal(value: string | number, currency: string, options?: ParseMinorOptions): Money {
  return money(parseMinor(value, currency, options), currency);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

export function multiplyMoney(a: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new RangeError(`quantity must be an integer, got ${quantity}`);
  return money(a.amountMinor * quantity, a.currency);
}

export function sumMoney(items: readonly Money[], currency: string): Money {
  return items.reduce((total, item) => addMoney(total, item), money(0, currency));
}

export function formatMoney(value: Money): string {
  return formatMinor(value.amountMinor, value.currency);
}
