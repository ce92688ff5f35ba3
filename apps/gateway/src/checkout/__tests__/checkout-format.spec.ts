import { decimalAmount, decimalAmountString, isoWithOffset, numericIdOrString } from '../shared/checkout-format';

describe('checkout formats', () => {
  it('prints amounts as decimal strings with at least one fractional digit', () => {
    expect(decimalAmountString(20000, 'USD')).toBe('200.0');
    expect(decimalAmountString(19995, 'USD')).toBe('199.95');
    expect(decimalAmountString(19950, 'USD')).toBe('199.5');
    expect(decimalAmountString(5, 'USD')).toBe('0.05');
    expect(decimalAmountString(0, 'USD')).toBe('0.0');
    expect(decimalAmountString(1000, 'JPY')).toBe('1000.0');
    expect(decimalAmountString(1234567, 'KWD')).toBe('1234.567');
  });

  it('prints amounts as JSON decimal numbers', () => {
    expect(decimalAmount(16400, 'USD')).toBe(164);
    expect(decimalAmount(1803, 'USD')).toBe(18.03);
  });

  it('prints times as ISO 8601 with a numeric offset and whole seconds', () => {
    expect(isoWithOffset('2023-10-12T11:05:27.123Z')).toBe('2023-10-12T11:05:27+00:00');
    expect(isoWithOffset('2023-10-12T11:05:27Z', -240)).toBe('2023-10-12T07:05:27-04:00');
    expect(isoWithOffset(new Date('2023-10-12T23:30:00Z'), 330)).toBe('2023-10-13T05:00:00+05:30');
    expect(() => isoWithOffset('not a time')).toThrow(RangeError);
  });

  it('renders numeric ids as numbers and others as strings', () => {
    expect(numericIdOrString('8080')).toBe(8080);
    expect(numericIdOrString('cus-1')).toBe('cus-1');
    expect(numericIdOrString('0123')).toBe('0123');
  });
});
