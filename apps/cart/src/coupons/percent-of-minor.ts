/** `percent` % of an amount in minor units, rounded down (the customer never gets a fraction of a cent). */
export function percentOfMinor(amountMinor: number, percent: number): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new RangeError(`amount ${amountMinor} is not minor units`);
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) throw new RangeError(`percent ${percent} is not 0-100`);
  return Number((BigInt(amountMinor) * BigInt(percent)) / 100n);
}
