import { currencyExponent } from './currency-exponent';
import { assertMinorUnits } from './rounding';

/**
 * Minor units -> plain decimal string by the currency's exponent: (12345, 'USD') -> '123.45',
 * (-5, 'EUR') -> '-0.05', (1000, 'JPY') -> '1000'. No grouping or symbol: presenters add those.
 */
export function formatMinor(amountMinor: number | bigint, currency: string): string {
  if (typeof amountMinor === 'number') assertMinorUnits(amountMinor);
  const exponent = currencyExponent(currency);
  const value = BigInt(amountMinor);
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  if (exponent === 0) return `${negative ? '-' : ''}${digits}`;
  const padded = digits.padStart(exponent + 1, '0');
  const whole = padded.slice(0, -exponent);
  const fraction = padded.slice(-exponent);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}
