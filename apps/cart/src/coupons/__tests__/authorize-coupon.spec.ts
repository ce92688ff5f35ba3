import { authorizeCoupon, type Coupon } from '../authorize-coupon';
import { percentOfMinor } from '../percent-of-minor';

const format = (minor: number) => (minor / 100).toFixed(2);
const now = new Date('2026-06-01T12:00:00Z');
const base: Coupon = {
  code: 'C',
  kind: 'percentage',
  percentOff: 10,
  amountOffMinor: null,
  currency: 'USD',
  minimumMinor: 0,
  validFrom: new Date('2026-01-01T00:00:00Z'),
  validUntil: new Date('2026-12-31T00:00:00Z'),
};
const use = { itemsTotalMinor: 2599, currency: 'USD', now, usedByCustomer: false };

describe('authorizeCoupon', () => {
  it('takes a percentage, rounded down to the cent', () => {
    expect(authorizeCoupon(base, use, format)).toEqual({ ok: true, discountMinor: 259 });
  });

  it('takes a fixed amount, never more than the items', () => {
    const fixed = { ...base, kind: 'fixed' as const, percentOff: null, amountOffMinor: 500 };
    expect(authorizeCoupon(fixed, use, format)).toEqual({ ok: true, discountMinor: 500 });
    expect(authorizeCoupon(fixed, { ...use, itemsTotalMinor: 300 }, format)).toEqual({ ok: true, discountMinor: 300 });
  });

  it.each([
    ['couponExpired', { ...base, validUntil: new Date('2026-05-01T00:00:00Z') }, use],
    ['couponNotYetValid', { ...base, validFrom: new Date('2026-07-01T00:00:00Z') }, use],
    ['couponMinimumNotReached', { ...base, minimumMinor: 2000 }, { ...use, itemsTotalMinor: 1999 }],
    ['couponAlreadyUsed', base, { ...use, usedByCustomer: true }],
    ['couponWrongCurrency', { ...base, currency: 'EUR' }, use],
  ])('refuses with %s', (errorKey, coupon, orderUse) => {
    expect(authorizeCoupon(coupon, orderUse, format)).toMatchObject({ ok: false, errorKey, message: expect.stringContaining('Coupon C') });
  });

  it('names the minimum in the refusal', () => {
    const refused = authorizeCoupon({ ...base, minimumMinor: 2000 }, { ...use, itemsTotalMinor: 100 }, format);
    expect(refused).toMatchObject({ message: 'Coupon C needs an order of at least 20.00.' });
  });

  it('percentOfMinor uses integers only', () => {
    expect(percentOfMinor(999, 10)).toBe(99);
    expect(() => percentOfMinor(1.5, 10)).toThrow(RangeError);
  });
});
