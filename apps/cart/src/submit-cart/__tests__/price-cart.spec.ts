import { priceCart } from '../price-cart';

describe('priceCart (prices include tax)', () => {
  it('splits a total of 200 at 22 % into subtotal 164 and tax 36', () => {
    const cart = priceCart([{ productId: 'p', quantity: 1, unitPriceMinor: 200 }], '22');
    expect(cart).toMatchObject({ totalMinor: 200, taxMinor: 36, subtotalMinor: 164 });
  });

  it('prices the demo cart: 2 x 50.00 at 22 %', () => {
    const cart = priceCart([{ productId: '1234', quantity: 2, unitPriceMinor: 5000 }], '22');
    expect(cart.lines).toEqual([{ productId: '1234', quantity: 2, unitPriceMinor: 5000, lineTotalMinor: 10000 }]);
    // 10000 * 22 / 122 = 1803.27... -> 1803
    expect(cart).toMatchObject({ totalMinor: 10000, taxMinor: 1803, subtotalMinor: 8197 });
  });

  it('rounds half up', () => {
    // 61 * 22 / 122 = 11 exactly; 183 * 22 / 122 = 33; 3 * 22 / 122 = 0.54 -> 1
    expect(priceCart([{ productId: 'p', quantity: 1, unitPriceMinor: 3 }], '22').taxMinor).toBe(1);
    // 10 * 25 / 125 = 2 exactly; 1 * 25 / 125 = 0.2 -> 0; 5 * 10 / 110 = 0.4545 -> 0; 11 * 10/110 = 1
    expect(priceCart([{ productId: 'p', quantity: 1, unitPriceMinor: 1 }], '25').taxMinor).toBe(0);
    // 55 * 10 / 110 = 5 exactly; 6 * 10 / 110 = 0.5454 -> 1
    expect(priceCart([{ productId: 'p', quantity: 1, unitPriceMinor: 6 }], '10').taxMinor).toBe(1);
  });

  it('supports decimal rates exactly (7.5 %)', () => {
    // 10750 * 7.5 / 107.5 = 750
    expect(priceCart([{ productId: 'p', quantity: 1, unitPriceMinor: 10750 }], '7.5')).toMatchObject({
      taxMinor: 750,
      subtotalMinor: 10000,
    });
  });

  it('has no tax at 0 %', () => {
    expect(priceCart([{ productId: 'p', quantity: 3, unitPriceMinor: 999 }], '0')).toMatchObject({
      totalMinor: 2997,
      taxMinor: 0,
      subtotalMinor: 2997,
    });
  });
});
