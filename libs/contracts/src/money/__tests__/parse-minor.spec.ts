import { parseMinor } from '../parse-minor';

describe('parseMinor', () => {
  it.each<[string | number, string, number]>([
    ['123.45', 'USD', 12345],
    ['123.4', 'USD', 12340],
    ['123', 'USD', 12300],
    ['0.1', 'EUR', 10],
    [19.99, 'EUR', 1999],
    ['-7.05', 'EUR', -705],
    ['+1.5', 'EUR', 150],
    ['.5', 'EUR', 50],
    ['1000', 'JPY', 1000],
    ['1.234', 'KWD', 1234],
    ['1e2', 'USD', 10000],
    ['  42.00 ', 'USD', 4200],
    [1.1, 'USD', 110],
  ])('parses %p %s as %d', (input, currency, expected) => {
    expect(parseMinor(input, currency)).toBe(expected);
  });

  it('rejects extra decimals unless a rounding rule is given', () => {
    expect(() => parseMinor('1.005', 'USD')).toThrow(/more decimals/);
    expect(parseMinor('1.005', 'USD', { rounding: 'half-up' })).toBe(101);
    expect(parseMinor('1.005', 'USD', { rounding: 'half-even' })).toBe(100);
    expect(parseMinor('1.015', 'USD', { rounding: 'half-even' })).toBe(102);
    expect(parseMinor('-1.005', 'USD', { rounding: 'half-up' })).toBe(-101);
    expect(() => parseMinor('10.5', 'JPY')).toThrow(/more decimals/);
  });

  it('keeps exactness where float arithmetic would not (1.005 * 100 = 100.49999...)', () => {
    expect(1.005 * 100).not.toBe(100.5);
    expect(parseMinor(1.005, 'USD', { rounding: 'half-up' })).toBe(101);
  });

  it.each(['', 'abc', '1,50', '1.2.3', '--1', 'NaN'])('rejects %p', (input) => {
    expect(() => parseMinor(input, 'USD')).toThrow(RangeError);
  });

  it('rejects non-finite numbers and amounts beyond the safe range', () => {
    expect(() => parseMinor(Infinity, 'USD')).toThrow(/finite/);
    expect(() => parseMinor('90071992547409.92', 'USD')).toThrow(/safe integer/);
  });
});
