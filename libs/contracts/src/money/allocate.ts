import { decimalToFraction } from './parse-minor';
import { assertMinorUnits, divideRounded, RoundingMode, toSafeNumber } from './rounding';

/**
 * Splits `totalMinor` across `weights` so the parts always sum to the total: each part gets its
 * floor share, the leftover units go one each to the largest remainders (earlier index wins a
 * tie). Used to spread an order discount or tax across lines.
 */
export function allocateMinor(totalMinor: number, weights: readonly (number | bigint)[]): number[] {
  assertMinorUnits(totalMinor, 'total');
  if (weights.length === 0) throw new RangeError('allocation needs at least one weight');
  const big = weights.map((w) => {
    if (typeof w === 'number' && !Number.isSafeInteger(w)) throw new RangeError(`weight ${w} must be an integer`);
    const value = BigInt(w);
    if (value < 0n) throw new RangeError('weights must not be negative');
    return value;
  });
  const sum = big.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw new RangeError('weights must not all be zero');

  const total = BigInt(totalMinor);
  const sign = total < 0n ? -1n : 1n;
  const absolute = total * sign;
  const parts = big.map((w) => (absolute * w) / sum);
  const remainders = big.map((w, index) => ({ index, remainder: (absolute * w) % sum }));
  let leftover = absolute - parts.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (leftover === 0n) break;
    parts[index] += 1n;
    leftover -= 1n;
  }
  return parts.map((part) => toSafeNumber(part * sign));
}

/** `percent` % of an amount, e.g. (1999, '19', 'half-up') -> 380. percent is a decimal string. */
export function percentOfMinor(amountMinor: number, percent: string | number, mode: RoundingMode): number {
  assertMinorUnits(amountMinor);
  const { numerator, denominator } = decimalToFraction(percent);
  return toSafeNumber(divideRounded(BigInt(amountMinor) * numerator, denominator * 100n, mode));
}

/** Rate in basis points (1900 = 19 %) of an amount. */
export function basisPointsOfMinor(amountMinor: number, basisPoints: number, mode: RoundingMode): number {
  assertMinorUnits(amountMinor);
  assertMinorUnits(basisPoints, 'basis points');
  return toSafeNumber(divideRounded(BigInt(amountMinor) * BigInt(basisPoints), 10000n, mode));
}

/**
 * Tax contained in a gross (tax-inclusive) amount: gross * rate / (100 + rate), rounded by
 * `mode` to a multiple of `incrementMinor` (1 = the smallest unit; 100 = whole units of a
 * two-decimal currency, so 200.00 at 22 % gives 36.00 rather than 36.07).
 */
export function includedTaxMinor(
  grossMinor: number,
  percent: string | number,
  mode: RoundingMode,
  incrementMinor = 1,
): number {
  assertMinorUnits(grossMinor);
  if (!Number.isSafeInteger(incrementMinor) || incrementMinor < 1) {
    throw new RangeError(`rounding increment ${incrementMinor} must be a positive integer of minor units`);
  }
  const { numerator, denominator } = decimalToFraction(percent);
  const increment = BigInt(incrementMinor);
  const steps = divideRounded(BigInt(grossMinor) * numerator, (denominator * 100n + numerator) * increment, mode);
  return toSafeNumber(steps * increment);
}
