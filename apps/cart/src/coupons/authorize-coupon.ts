import { percentOfMinor } from './percent-of-minor';

export interface Coupon {
  code: string;
  kind: 'percentage' | 'fixed';
  percentOff: number | null;
  amountOffMinor: number | null;
  currency: string;
  minimumMinor: number;
  validFrom: Date;
  validUntil: Date;
}

export interface CouponUse {
  /** The order's items total before any discount, minor units. */
  itemsTotalMinor: number;
  currency: string;
  now: Date;
  /** The customer redeemed this coupon on another order already. */
  usedByCustomer: boolean;
}

export const CouponRefusals = {
  NotYetValid: 'couponNotYetValid',
  Expired: 'couponExpired',
  BelowMinimum: 'couponMinimumNotReached',
  AlreadyUsed: 'couponAlreadyUsed',
  WrongCurrency: 'couponWrongCurrency',
} as const;

export type CouponDecision = { ok: true; discountMinor: number } | { ok: false; errorKey: string; message: string };

/** Whether a coupon applies to an order, and the discount in minor units (never more than the items). */
export function authorizeCoupon(coupon: Coupon, use: CouponUse, formatMinor: (minor: number) => string): CouponDecision {
  if (use.now < coupon.validFrom) return refuse(CouponRefusals.NotYetValid, `Coupon ${coupon.code} is valid from ${coupon.validFrom.toISOString()}.`);
  if (use.now > coupon.validUntil) return refuse(CouponRefusals.Expired, `Coupon ${coupon.code} expired on ${coupon.validUntil.toISOString()}.`);
  if (coupon.currency !== use.currency) return refuse(CouponRefusals.WrongCurrency, `Coupon ${coupon.code} is for ${coupon.currency} orders.`);
  if (use.itemsTotalMinor < coupon.minimumMinor) {
    return refuse(CouponRefusals.BelowMinimum, `Coupon ${coupon.code} needs an order of at least ${formatMinor(coupon.minimumMinor)}.`);
  }
  if (use.usedByCustomer) return refuse(CouponRefusals.AlreadyUsed, `Coupon ${coupon.code} has already been used by this customer.`);
  const discount = coupon.kind === 'percentage' ? percentOfMinor(use.itemsTotalMinor, coupon.percentOff ?? 0) : (coupon.amountOffMinor ?? 0);
  return { ok: true, discountMinor: Math.min(discount, use.itemsTotalMinor) };
}

function refuse(errorKey: string, message: string): CouponDecision {
  return { ok: false, errorKey, message };
}
