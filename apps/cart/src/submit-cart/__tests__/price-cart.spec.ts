import { priceCart, TaxRule } from '../price-cart';

const wholeUnits: TaxRule = { ratePercent: '22', rounding: 'half-up', incrementMinor: 100 };
const cents: TaxRule = { ratePercent: '22', rounding: 'half-up', incrementMinor: 1 };

describe('priceCart (prices include tax)', () => {
  it('reproduces the checkout API example: 2 x 50.00 + 1 x 100.00 at 22 % -> subtotal 164, tax 36', () => {
    const cart = priceCart(
      [
        { productId: '1234', quantity: 2, unitPriceMinor: 5000 },
        { productId: '2345', quantity: 1, unitPriceMinor: 10000 },
      ],
      wholeUnits,
    );
    expect(cart).toMatchObject({ totalMinor: 20000, taxMinor: 3600, subtotalMinor: 16400 });
    expect(cart.lines.map((line) => line.lineTotalMinor)).toEqual([10000, 10000]);
  });

  it('rounds to cents with a one-cent increment: 200.00 -> tax 36.07', () => {
    // 20000 * 22 / 122 = 3606.55... -> 3607
    expect(priceCart([{ productId: 'p', quantity: 1, unitPriceMinor: 20000 }], cents)).toMatchObject({
      taxMinor: 3607,
      subtotalMinor: 16393,
    });
  });

  it('applies the rounding mode to the increment', () => {
    // 10000 * 22 / 122 = 1803.27 cents = 18.03 units
    const line = [{ productId: 'p', quantity: 1, unitPriceMinor: 10000 }];
    expect(priceCart(line, { ...wholeUnits, rounding: 'half-up' }).taxMinor).toBe(1800);
    expect(priceCart(line, { ...wholeUnits, rounding: 'up' }).taxMinor).toBe(1900);
    expect(priceCart(line, { ...cents, rounding: 'down' }).taxMinor).toBe(1803);
    // 61 * 22 / 122 = 11 exactly; 3 * 22 / 122 = 0.54 -> 1 (half-up), 0 (down)
    expect(priceCart([{ productId: 'p', quantity: 1, unitPriceMinor: 3 }], cents).taxMinor).toBe(1);
    expect(priceCart([{ productId: 'p', quantity: 1, unitPriceMinor: 3 }], { ...cents, rounding: 'down' }).taxMinor).toBe(0);
  });

  it('breaks ties by the mode: half-even rounds 0.5 to the even neighbour', () => {
    // 165 at 10 % holds tax 15 = 1.5 steps of 10 -> 2 steps; 275 holds 25 = 2.5 steps -> 2 (even), 3 (half-up)
    const rule: TaxRule = { ratePercent: '10', rounding: 'half-even', incrementMinor: 10 };
    expect(priceCart([{ productId: 'p', quantity: 1, unitPriceMinor: 165 }], rule).taxMinor).toBe(20);
    expect(priceCart([{ productId: 'p', quantity: 1, unitPriceMinor: 275 }], rule).taxMinor).toBe(20);
    expect(priceCart([{ productId: 'p', quantity: 1, unitPriceMinor: 275 }], { ...rule, rounding: 'half-up' }).taxMinor).toBe(30);
  });

  it('supports decimal rates exactly (7.5 %)', () => {
    // 10750 * 7.5 / 107.5 = 750
    expect(priceCart([{ productId: 'p', quantity: 1, unitPriceMinor: 10750 }], { ...cents, ratePercent: '7.5' })).toMatchObject({
      taxMinor: 750,
      subtotalMinor: 10000,
    });
  });

  it('has no tax at 0 %', () => {
    expect(priceCart([{ productId: 'p', quantity: 3, unitPriceMinor: 999 }], { ...wholeUnits, ratePercent: '0' })).toMatchObject({
      totalMinor: 2997,
      taxMinor: 0,
      subtotalMinor: 2997,
    });
  });
});
