import { includedTaxMinor, toSafeNumber } from '@order-platform/contracts';

export interface PricedLineInput {
  productId: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface PricedLine extends PricedLineInput {
  lineTotalMinor: number;
}

export interface PricedCart {
  lines: PricedLine[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/**
 * Prices a cart whose unit prices INCLUDE tax at `taxRatePercent`:
 *   total    = sum(unit price x quantity)
 *   tax      = round_half_up(total x rate / (100 + rate))
 *   subtotal = total - tax
 * in integer minor units (BigInt), so 200.00 at 22 % gives tax 36.07 and subtotal 163.93,
 * and a whole-unit total of 200 gives tax 36 and subtotal 164. Tax is computed once on the
 * order total, not per line, so line roundings cannot add up to a cent of drift.
 */
export function priceCart(lines: PricedLineInput[], taxRatePercent: string): PricedCart {
  const priced = lines.map((line) => ({
    ...line,
    lineTotalMinor: toSafeNumber(BigInt(line.unitPriceMinor) * BigInt(line.quantity)),
  }));
  const totalMinor = toSafeNumber(priced.reduce((sum, line) => sum + BigInt(line.lineTotalMinor), 0n));
  const taxMinor = includedTaxMinor(totalMinor, taxRatePercent, 'half-up');
  return { lines: priced, totalMinor, taxMinor, subtotalMinor: totalMinor - taxMinor };
}
