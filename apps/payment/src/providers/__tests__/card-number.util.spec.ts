import { detectCardBrand, normalizeCardNumber, passesLuhn } from '../card-number.util';

describe('card number utilities', () => {
  it('normalizes spaces and dashes, refusing anything else', () => {
    expect(normalizeCardNumber('4242 4242-4242 4242')).toBe('4242424242424242');
    expect(normalizeCardNumber('4242x4242')).toBeNull();
    expect(normalizeCardNumber('42')).toBeNull();
  });

  it.each([
    ['4242424242424242', true],
    ['4000000000009995', true],
    ['378282246310005', true],
    ['4242424242424241', false],
    ['1234567812345678', false],
  ])('Luhn check of %s is %s', (digits, valid) => {
    expect(passesLuhn(digits)).toBe(valid);
  });

  it.each([
    ['4242424242424242', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['2223003122003222', 'mastercard'],
    ['378282246310005', 'amex'],
    ['6011111111111117', 'discover'],
    ['3056930009020004', 'diners'],
    ['3566002020360505', 'jcb'],
    ['6200000000000005', 'unionpay'],
    ['9999999999999995', 'unknown'],
  ])('brand of %s is %s', (digits, brand) => {
    expect(detectCardBrand(digits)).toBe(brand);
  });
});
