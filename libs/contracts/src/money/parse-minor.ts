import { currencyExponent } from './currency-exponent';
import { divideRounded, RoundingMode, toSafeNumber } from './rounding';

export interface ParseMinorOptions {
  /** Without it, more decimals than the currency has is an error (never a silent rounding). */
  rounding?: RoundingMode;
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-])?\.(\d+)(?:[eE]([+-]?\d+))?$/;

/** Splits a decimal literal into sign, digits and a power-of-ten scale, using strings only. */
function decompose(text: string): { digits: bigint; scale: number } {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`'${text}' is not a decimal amount`);
  const sign = match[1] ?? match[5] ?? '+';
  const whole = match[2] ?? '0';
  const fraction = match[3] ?? match[6] ?? '';
  const exponent = Number(match[4] ?? match[7] ?? '0');
  const magnitude = BigInt(`${whole}${fraction}` || '0');
  // value = magnitude * 10^(exponent - fraction.length)
  return { digits: sign === '-' ? -magnitude : magnitude, scale: exponent - fraction.length };
}

/**
 * Decimal string or number from an API -> integer minor units, without float arithmetic:
 * ('123.45', 'USD') -> 12345, (19.99, 'EUR') -> 1999, ('1000', 'JPY') -> 1000.
 * Numbers are read through their shortest round-trip string, which is what the client sent.
 */
export function parseMinor(value: string | number, currency: string, options: ParseMinorOptions = {}): number {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`amount ${value} is not finite`);
  const { digits, scale } = decompose(String(value));
  const shift = scale + currencyExponent(currency);
  if (shift >= 0) return toSafeNumber(digits * 10n ** BigInt(shift));
  const divisor = 10n ** BigInt(-shift);
  if (digits % divisor !== 0n && !options.rounding) {
    throw new RangeError(`'${value}' has more decimals than ${currency} allows`);
  }
  return toSafeNumber(divideRounded(digits, divisor, options.rounding ?? 'half-up'));
}

/** A decimal rate such as '19' or '7.5' (percent) as an exact fraction numerator/denominator. */
export function decimalToFraction(value: string | number): { numerator: bigint; denominator: bigint } {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError(`rate ${value} is not finite`);
  const { digits, scale } = decompose(String(value));
  return scale >= 0
    ? { numerator: digits * 10n ** BigInt(scale), denominator: 1n }
    : { numerator: digits, denominator: 10n ** BigInt(-scale) };
}
