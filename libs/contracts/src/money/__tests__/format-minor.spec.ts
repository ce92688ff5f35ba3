import { formatMinor } from '../format-minor';

describe('formatMinor', () => {
  it.each([
    [12345, 'USD', '123.45'],
    [5, 'EUR', '0.05'],
    [-5, 'EUR', '-0.05'],
    [0, 'EUR', '0.00'],
    [-12345, 'USD', '-123.45'],
    [1000, 'JPY', '1000'],
    [1234, 'KWD', '1.234'],
    [Number.MAX_SAFE_INTEGER, 'USD', '90071992547409.91'],
  ])('formats %s %s as %s', (minor, currency, expected) => {
    expect(formatMinor(minor, currency)).toBe(expected);
  });

  it('formats bigint amounts beyond the safe range', () => {
    expect(formatMinor(123456789012345678901n, 'EUR')).toBe('1234567890123456789.01');
  });

  it('refuses fractional minor units and bad currency codes', () => {
    expect(() => formatMinor(1.5, 'USD')).toThrow(RangeError);
    expect(() => formatMinor(1, 'usd')).toThrow(/currency/);
  });
});
