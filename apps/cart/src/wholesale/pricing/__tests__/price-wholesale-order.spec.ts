import { DEMO_WHOLESALE_PRODUCTS } from '../../demo-data/demo-wholesale-data';
import type { CarriageRule } from '../carriage-rule';
import { priceWholesaleLine, priceWholesaleOrder } from '../price-wholesale-order';
import type { WholesaleProduct } from '../wholesale-pricing.types';

const product = (code: string): WholesaleProduct => {
  const found = DEMO_WHOLESALE_PRODUCTS.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`no demo product ${code}`);
  return found;
};
const carriage = product('CA');
const rule: CarriageRule = { freeFromMinor: 15000, chargeTenThousandths: 100000, pricedCountries: ['GB'], maxWeightGrams: 100_000 };

describe('priceWholesaleOrder', () => {
  it('reproduces the first worked example: free carriage at or above 150.00', () => {
    const priced = priceWholesaleOrder(
      {
        deliveryMethod: 'DELIVER',
        deliveryCountryCode: 'GB',
        lines: [
          { product: product('VFR8CW'), quantity: 10 },
          { product: product('VFR8BEZMW'), quantity: 5 },
          { product: product('VFR8BEZCBR'), quantity: 5 },
        ],
      },
      rule,
      carriage,
    );
    expect(priced.lines.map((line) => [line.productCode, line.linePriceMinor, line.vatMinor, line.lineWeightGrams])).toEqual([
      ['VFR8CW', 23450, 4690, 2510],
      ['VFR8BEZMW', 615, 123, 225],
      ['VFR8BEZCBR', 1170, 234, 275],
    ]);
    expect(priced).toMatchObject({ totalPriceMinor: 25235, totalVatMinor: 5047, totalWeightGrams: 3010, carriageTba: false });
  });

  it('reproduces the second worked example: a 10.00 carriage line below the threshold', () => {
    const priced = priceWholesaleOrder(
      { deliveryMethod: 'DELIVER', deliveryCountryCode: 'gb', lines: [{ product: product('VFR8CW'), quantity: 5 }] },
      rule,
      carriage,
    );
    expect(priced.lines).toEqual([
      expect.objectContaining({ productCode: 'VFR8CW', linePriceMinor: 11725, vatMinor: 2345, lineWeightGrams: 1255 }),
      {
        productCode: 'CA',
        type: 'nonstock',
        description: 'Carriage Charge',
        quantity: 1,
        vatCode: 'S',
        vatRateBasisPoints: 2000,
        unitPriceTenThousandths: 100000,
        linePriceMinor: 1000,
        vatMinor: 200,
        unitWeightGrams: 0,
        lineWeightGrams: 0,
      },
    ]);
    expect(priced).toMatchObject({ totalPriceMinor: 12725, totalVatMinor: 2545, totalWeightGrams: 1255, carriageTba: false });
  });

  it('charges carriage at 149.99 and not at exactly 150.00', () => {
    const at = (tenThousandths: number) =>
      priceWholesaleOrder(
        { deliveryMethod: 'DELIVER', deliveryCountryCode: 'GB', lines: [{ product: { ...product('VFR8CW'), unitPriceTenThousandths: tenThousandths }, quantity: 1 }] },
        rule,
        carriage,
      );
    expect(at(1_499_900).lines.map((line) => line.productCode)).toEqual(['VFR8CW', 'CA']);
    expect(at(1_500_000).lines.map((line) => line.productCode)).toEqual(['VFR8CW']);
  });

  it('marks carriage to be advised outside the priced countries and over the weight limit, with no carriage line', () => {
    const outside = priceWholesaleOrder(
      { deliveryMethod: 'DELIVER', deliveryCountryCode: 'FR', lines: [{ product: product('VFR8CW'), quantity: 1 }] },
      rule,
      carriage,
    );
    expect(outside.carriageTba).toBe(true);
    expect(outside.lines.map((line) => line.productCode)).toEqual(['VFR8CW']);
    const heavy = priceWholesaleOrder(
      { deliveryMethod: 'DELIVER', deliveryCountryCode: 'GB', lines: [{ product: product('VFR8CW'), quantity: 400 }] },
      { ...rule, freeFromMinor: 10_000_000 },
      carriage,
    );
    expect(heavy).toMatchObject({ carriageTba: true, totalWeightGrams: 100_400 });
  });

  it('adds no carriage for collected orders', () => {
    const collected = priceWholesaleOrder(
      { deliveryMethod: 'COLLECT', deliveryCountryCode: null, lines: [{ product: product('VFR8BEZMW'), quantity: 1 }] },
      rule,
      carriage,
    );
    expect(collected).toMatchObject({ carriageTba: false, totalPriceMinor: 123, totalVatMinor: 25 });
  });
});

describe('priceWholesaleLine rounding', () => {
  const item = (unitPriceTenThousandths: number, vatRateBasisPoints = 2000): WholesaleProduct => ({
    ...product('VFR8CW'),
    unitPriceTenThousandths,
    vatRateBasisPoints,
  });

  it('rounds the line price half-up to the penny from ten-thousandths', () => {
    expect(priceWholesaleLine(item(3333), 3).linePriceMinor).toBe(100); // 0.9999 -> 1.00
    expect(priceWholesaleLine(item(1250), 1).linePriceMinor).toBe(13); // 0.125 -> 0.13
    expect(priceWholesaleLine(item(1249), 1).linePriceMinor).toBe(12); // 0.1249 -> 0.12
  });

  it('rounds VAT half-up to the penny on the rounded line price', () => {
    expect(priceWholesaleLine(item(1250), 1).vatMinor).toBe(3); // 0.13 x 20 % = 0.026
    expect(priceWholesaleLine(item(12500), 1).vatMinor).toBe(25); // 1.25 x 20 % = 0.25
    expect(priceWholesaleLine(item(10250, 500), 1).vatMinor).toBe(5); // 1.03 x 5 % = 0.0515
    expect(priceWholesaleLine(item(7000, 500), 1).vatMinor).toBe(4); // 0.70 x 5 % = 0.035 -> 0.04
    expect(priceWholesaleLine(item(12345, 0), 2).vatMinor).toBe(0);
  });

  it('stays exact far beyond float precision', () => {
    const line = priceWholesaleLine(item(99_999_999), 100_000);
    expect(line.linePriceMinor).toBe(99_999_999_000);
    expect(line.vatMinor).toBe(19_999_999_800);
  });
});
