import { divideRounded, toSafeNumber } from '@order-platform/contracts';
import { type CarriageRule, quoteCarriage } from './carriage-rule';
import type { PricedWholesaleLine, PricedWholesaleOrder, WholesaleOrderToPrice, WholesaleProduct } from './wholesale-pricing.types';

/** Ten-thousandths of a pound per penny. */
const TEN_THOUSANDTHS_PER_MINOR = 100n;

/**
 * One line, exactly: line price = quantity x unit price (ten-thousandths) rounded half-up to
 * the penny; VAT = line price x rate rounded half-up to the penny; weight in grams.
 * 10 x 23.4500 -> 234.50, VAT at 20 % 46.90.
 */
export function priceWholesaleLine(product: WholesaleProduct, quantity: number): PricedWholesaleLine {
  const exactTenThousandths = BigInt(product.unitPriceTenThousandths) * BigInt(quantity);
  const linePrice = divideRounded(exactTenThousandths, TEN_THOUSANDTHS_PER_MINOR, 'half-up');
  const vat = divideRounded(linePrice * BigInt(product.vatRateBasisPoints), 10000n, 'half-up');
  return {
    productCode: product.code,
    type: product.type,
    description: product.description,
    quantity,
    vatCode: product.vatCode,
    vatRateBasisPoints: product.vatRateBasisPoints,
    unitPriceTenThousandths: product.unitPriceTenThousandths,
    linePriceMinor: toSafeNumber(linePrice),
    vatMinor: toSafeNumber(vat),
    unitWeightGrams: product.unitWeightGrams,
    lineWeightGrams: toSafeNumber(BigInt(product.unitWeightGrams) * BigInt(quantity)),
  };
}

/**
 * Prices the goods lines, then adds a carriage line when the rule charges for it. VAT is
 * summed from the lines (each line is what the invoice prints), so totals always equal the
 * sum of the lines shown.
 */
export function priceWholesaleOrder(order: WholesaleOrderToPrice, rule: CarriageRule, carriage: WholesaleProduct): PricedWholesaleOrder {
  const goods = order.lines.map(({ product, quantity }) => priceWholesaleLine(product, quantity));
  const quote = quoteCarriage(rule, {
    deliveryMethod: order.deliveryMethod,
    deliveryCountryCode: order.deliveryCountryCode,
    goodsMinor: sum(goods.map((line) => line.linePriceMinor)),
    weightGrams: sum(goods.map((line) => line.lineWeightGrams)),
  });
  const lines =
    quote.kind === 'charge'
      ? [...goods, priceWholesaleLine({ ...carriage, unitPriceTenThousandths: quote.unitPriceTenThousandths }, 1)]
      : goods;
  return {
    lines,
    carriageTba: quote.kind === 'tba',
    totalPriceMinor: sum(lines.map((line) => line.linePriceMinor)),
    totalVatMinor: sum(lines.map((line) => line.vatMinor)),
    totalWeightGrams: sum(lines.map((line) => line.lineWeightGrams)),
  };
}

function sum(values: number[]): number {
  return toSafeNumber(values.reduce((total, value) => total + BigInt(value), 0n));
}
