import type { WholesaleDeliveryMethod } from '@order-platform/contracts';

/**
 * How carriage is charged on a delivered order: free when the goods value (before VAT) reaches
 * `freeFromMinor`, else a flat charge; only countries in `pricedCountries` and orders up to
 * `maxWeightGrams` can be priced, anything else is "carriage to be advised".
 */
export interface CarriageRule {
  freeFromMinor: number;
  chargeTenThousandths: number;
  pricedCountries: readonly string[];
  maxWeightGrams: number;
}

export type CarriageQuote =
  | { kind: 'none' }
  | { kind: 'free' }
  | { kind: 'charge'; unitPriceTenThousandths: number }
  | { kind: 'tba'; reason: string };

export interface CarriageQuestion {
  deliveryMethod: WholesaleDeliveryMethod;
  deliveryCountryCode: string | null;
  goodsMinor: number;
  weightGrams: number;
}

export function quoteCarriage(rule: CarriageRule, question: CarriageQuestion): CarriageQuote {
  if (question.deliveryMethod === 'COLLECT') return { kind: 'none' };
  const country = question.deliveryCountryCode?.toUpperCase() ?? '';
  if (!rule.pricedCountries.includes(country)) return { kind: 'tba', reason: `no carriage rate for country '${country}'` };
  if (question.weightGrams > rule.maxWeightGrams) return { kind: 'tba', reason: 'heavier than the carriage rate allows' };
  if (question.goodsMinor >= rule.freeFromMinor) return { kind: 'free' };
  return { kind: 'charge', unitPriceTenThousandths: rule.chargeTenThousandths };
}
