import { addMoney, formatMoney, money, moneyFromDecimal, multiplyMoney, subtractMoney, sumMoney } from '../money';

describe('Money', () => {
  it('adds, subtracts, multiplies and sums in one currency', () => {
    const price = moneyFromDecimal('4.99', 'EUR');
    expect(multiplyMoney(price, 3)).toEqual({ amountMinor: 1497, currency: 'EUR' });
    expect(addMoney(price, money(1, 'EUR')).amountMinor).toBe(500);
    expect(subtractMoney(price, money(500, 'EUR')).amountMinor).toBe(-1);
    expect(formatMoney(sumMoney([price, price], 'EUR'))).toBe('9.98');
  });

  it('refuses mixed currencies, fractional units and overflow', () => {
    expect(() => addMoney(money(1, 'EUR'), money(1, 'USD'))).toThrow(/mismatch/);
    expect(() => money(1.5, 'EUR')).toThrow(RangeError);
    expect(() => multiplyMoney(money(Number.MAX_SAFE_INTEGER, 'EUR'), 2)).toThrow(RangeError);
    expect(() => multiplyMoney(money(1, 'EUR'), 1.5)).toThrow(/integer/);
  });
});
