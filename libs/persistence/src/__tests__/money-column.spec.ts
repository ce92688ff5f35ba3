import { minorUnitsTransformer } from '../columns/money-column';
import { currencyTransformer } from '../columns/currency-column';

describe('minorUnitsTransformer', () => {
  it('maps pg bigint strings to numbers when exact', () => {
    expect(minorUnitsTransformer.from('12345')).toBe(12345);
    expect(minorUnitsTransformer.from('-5')).toBe(-5);
    expect(minorUnitsTransformer.from(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(minorUnitsTransformer.from(null)).toBeNull();
  });

  it('refuses values a JS number cannot hold exactly', () => {
    expect(() => minorUnitsTransformer.from('9007199254740992')).toThrow(/MAX_SAFE_INTEGER/);
    expect(() => minorUnitsTransformer.to(1.5)).toThrow(/safe integer/);
    expect(() => minorUnitsTransformer.to(2 ** 53)).toThrow(/safe integer/);
  });

  it('checks currency codes on write', () => {
    expect(currencyTransformer.to('EUR')).toBe('EUR');
    expect(() => currencyTransformer.to('eur')).toThrow(/currency/);
  });
});
