import { allocateMinor, basisPointsOfMinor, includedTaxMinor, percentOfMinor } from '../allocate';
import { divideRounded } from '../rounding';

describe('divideRounded', () => {
  it.each<[bigint, bigint, 'half-up' | 'half-even' | 'down' | 'up', bigint]>([
    [5n, 2n, 'half-up', 3n],
    [5n, 2n, 'half-even', 2n],
    [7n, 2n, 'half-even', 4n],
    [-5n, 2n, 'half-up', -3n],
    [-5n, 2n, 'half-even', -2n],
    [10n, 4n, 'down', 2n],
    [10n, 4n, 'up', 3n],
    [9n, 3n, 'up', 3n],
    [5n, -2n, 'half-up', -3n],
  ])('%d / %d with %s = %d', (n, d, mode, expected) => {
    expect(divideRounded(n, d, mode)).toBe(expected);
  });

  it('refuses division by zero', () => {
    expect(() => divideRounded(1n, 0n, 'half-up')).toThrow(/zero/);
  });
});

describe('allocateMinor', () => {
  it('splits evenly and gives leftover units to the largest remainders, earlier first', () => {
    expect(allocateMinor(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateMinor(5, [3, 7])).toEqual([2, 3]);
    expect(allocateMinor(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocateMinor(0, [1, 2])).toEqual([0, 0]);
  });

  it('always sums to the total', () => {
    const weights = [1999, 250, 1, 7777, 3];
    for (const total of [1, 17, 999, 123457, 10000001]) {
      expect(allocateMinor(total, weights).reduce((a, b) => a + b, 0)).toBe(total);
    }
  });

  it('rejects bad weights', () => {
    expect(() => allocateMinor(10, [])).toThrow();
    expect(() => allocateMinor(10, [0, 0])).toThrow(/zero/);
    expect(() => allocateMinor(10, [-1, 2])).toThrow(/negative/);
    expect(() => allocateMinor(10, [0.5, 1])).toThrow(/integer/);
  });
});

describe('percentages', () => {
  it('computes percent of an amount with the chosen rounding', () => {
    expect(percentOfMinor(1999, '19', 'half-up')).toBe(380); // 379.81
    expect(percentOfMinor(250, '7', 'half-up')).toBe(18); // 17.5
    expect(percentOfMinor(250, '7', 'half-even')).toBe(18); // 17.5 -> 18 (even)
    expect(percentOfMinor(50, '5', 'half-even')).toBe(2); // 2.5 -> 2 (even)
    expect(percentOfMinor(50, '5', 'half-up')).toBe(3);
    expect(percentOfMinor(1000, '7.5', 'half-up')).toBe(75);
  });

  it('computes basis points and included tax', () => {
    expect(basisPointsOfMinor(10000, 1900, 'half-up')).toBe(1900);
    expect(includedTaxMinor(11900, '19', 'half-up')).toBe(1900);
    expect(includedTaxMinor(1000, '19', 'half-up')).toBe(160); // 159.66
  });
});
