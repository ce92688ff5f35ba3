import { divideRounded, toSafeNumber } from '@order-platform/contracts';
import type { DiscountTier } from '../config/group-order-config';

/** The percent of the highest tier the group's total raw price (cents) has reached. */
export function discountRateFor(totalRawMinor: number, tiers: readonly DiscountTier[]): number {
  let rate = 0;
  for (const tier of tiers) if (totalRawMinor >= tier.fromMinor) rate = tier.percent;
  return rate;
}

/** raw - round_half_up(raw * rate / 100), in integers: what a member pays at that rate. */
export function discountedPriceMinor(rawMinor: number, ratePercent: number): number {
  const discount = divideRounded(BigInt(rawMinor) * BigInt(ratePercent), 100n, 'half-up');
  return toSafeNumber(BigInt(rawMinor) - discount);
}
