import { fromStripeAmount, toStripeAmount } from '../stripe/stripe-amount.util';

describe('Stripe amount units', () => {
  it.each([
    [12345, 'EUR', 12345],
    [1500, 'JPY', 1500],
    [1230, 'KWD', 1230],
    [4990, 'ISK', 499000],
    [4990, 'isk', 499000],
  ])('%s %s <-> %s', (minor, currency, stripe) => {
    expect(toStripeAmount(minor, currency)).toBe(stripe);
    expect(fromStripeAmount(stripe, currency)).toBe(minor);
  });

  it('refuses a fractional króna from Stripe', () => {
    expect(() => fromStripeAmount(4950, 'ISK')).toThrow(RangeError);
  });
});
