/**
 * ISO 4217 minor-unit exponents that differ from the usual 2. Keep the list explicit: guessing
 * an exponent formats ¥1000 as ¥10.00.
 */
const EXPONENT_OVERRIDES: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0,
  UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const CURRENCY_CODE = /^[A-Z]{3}$/;

export function assertCurrency(currency: string): void {
  if (!CURRENCY_CODE.test(currency)) throw new RangeError(`invalid currency code '${currency}'`);
}

/** Number of decimal places of the currency's minor unit (USD 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  assertCurrency(currency);
  return EXPONENT_OVERRIDES[currency] ?? 2;
}
