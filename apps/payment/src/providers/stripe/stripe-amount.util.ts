// Our minor units follow ISO 4217. Stripe agrees for every currency except ISK, which its API
// keeps as two-decimal although only whole krónur may be charged
// (https://stripe.com/docs/currencies#special-cases).
const STRIPE_UNITS_PER_ISO_MINOR_UNIT: Readonly<Record<string, number>> = { ISK: 100 };

export function toStripeAmount(amountMinor: number, currency: string): number {
  return amountMinor * (STRIPE_UNITS_PER_ISO_MINOR_UNIT[currency.toUpperCase()] ?? 1);
}

/** Integer division only: Stripe amounts in these currencies are whole multiples of the factor. */
export function fromStripeAmount(stripeAmount: number, currency: string): number {
  const factor = STRIPE_UNITS_PER_ISO_MINOR_UNIT[currency.toUpperCase()] ?? 1;
  if (stripeAmount % factor !== 0) throw new RangeError(`Stripe amount ${stripeAmount} ${currency} is not a whole minor unit`);
  return stripeAmount / factor;
}
