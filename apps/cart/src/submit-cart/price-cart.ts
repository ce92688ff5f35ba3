import { includedTaxMinor, RoundingMode, toSafeNumber } from '@order-platform/contracts';

export interface PricedLineInput {
  productId: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface PricedLine extends PricedLineInput {
  lineTotalMinor: number;
}

/** How tax included in prices is computed: the rate, and how the tax amount is rounded. */
export interface TaxRule {
  ratePercent: string;
  rounding: RoundingMode;
  /** The tax is a multiple of this many minor units (1 = cents for USD, 100 = whole dollars). */
  incrementMinor: number;
}

export interface PricedCart {
  lines: PricedLine[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/**
 * Prices a cart whose unit prices INCLUDE tax (`rule`):
 *   total    = sum(unit price x quantity)
 *   tax      = round(total x rate / (100 + rate)) to a multiple of the rule's increment
 *   subtotal = total - tax
 * in integer minor units (BigInt). With the defaults (22 %, half-up, whole currency units) a
 * total of 200.00 gives tax 36.00 and subtotal 164.00; with a one-cent increment it gives
 * 36.07 and 163.93. Tax is computed once on the order total, not per line, so line roundings
 * cannot drift.
 */
export function priceCart(lines: PricedLineInput[], rule: TaxRule): PricedCart {
  const priced = lines.map((line) => ({
    ...line,
    lineTotalMinor: toSafeNumber(BigInt(line.unitPriceMinor) * BigInt(line.quantity)),
  }));
  const totalMinor = toSafeNumber(priced.reduce((sum, line) => sum + BigInt(line.lineTotalMinor), 0n));
  const taxMinor = includedTaxMinor(totalMinor, rule.ratePercent, rule.rounding, rule.incrementMinor);
  return { lines: priced, totalMinor, taxMinor, subtotalMinor: totalMinor - taxMinor };
}
