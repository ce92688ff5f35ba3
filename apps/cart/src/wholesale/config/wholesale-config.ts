import { Matches } from 'class-validator';
import { loadConfig, type EnvSource } from '@order-platform/service-kit';
import { decimalToFraction, divideRounded, parseMinor, toSafeNumber } from '@order-platform/contracts';
import type { CarriageRule } from '../pricing/carriage-rule';

/** Wholesale orders are priced and settled in pounds sterling. */
export const WHOLESALE_CURRENCY = 'GBP';

const AMOUNT = /^\d{1,7}(\.\d{1,2})?$/;

/** Carriage rule settings (environment variables, documented in docs/wholesale.md). */
export class WholesaleConfig {
  /** Goods value (before VAT) from which carriage is free. */
  @Matches(AMOUNT, { message: 'must be an amount in pounds such as 150.00' })
  WHOLESALE_CARRIAGE_FREE_FROM = '150.00';

  /** Flat carriage charge (before VAT) below that value. */
  @Matches(AMOUNT, { message: 'must be an amount in pounds such as 10.00' })
  WHOLESALE_CARRIAGE_CHARGE = '10.00';

  /** Delivery countries (ISO 3166-1 alpha-2, comma-separated) the flat rate covers. */
  @Matches(/^[A-Za-z]{2}(\s*,\s*[A-Za-z]{2})*$/, { message: 'must be comma-separated country codes such as GB,IE' })
  WHOLESALE_CARRIAGE_COUNTRIES = 'GB';

  /** Heaviest order (kg, up to 3 decimals) the flat rate covers. */
  @Matches(/^\d{1,6}(\.\d{1,3})?$/, { message: 'must be a weight in kg such as 100 or 25.5' })
  WHOLESALE_CARRIAGE_MAX_WEIGHT_KG = '100';
}

/**
 * Reads the WHOLESALE_* settings from the service's config object (which carries every
 * variable it was started with); a malformed one stops the service naming the variable.
 */
export function loadWholesaleConfig(serviceConfig: object): WholesaleConfig {
  const env: EnvSource = {};
  for (const [key, value] of Object.entries(serviceConfig)) {
    if (key.startsWith('WHOLESALE_') && typeof value === 'string') env[key] = value;
  }
  return loadConfig(WholesaleConfig, env);
}

export function carriageRuleOf(config: WholesaleConfig): CarriageRule {
  return {
    freeFromMinor: parseMinor(config.WHOLESALE_CARRIAGE_FREE_FROM, WHOLESALE_CURRENCY),
    // Catalogue prices have four decimals: pennies x 100.
    chargeTenThousandths: parseMinor(config.WHOLESALE_CARRIAGE_CHARGE, WHOLESALE_CURRENCY) * 100,
    pricedCountries: config.WHOLESALE_CARRIAGE_COUNTRIES.split(',').map((code) => code.trim().toUpperCase()),
    maxWeightGrams: kilogramsToGrams(config.WHOLESALE_CARRIAGE_MAX_WEIGHT_KG),
  };
}

function kilogramsToGrams(kilograms: string): number {
  const { numerator, denominator } = decimalToFraction(kilograms);
  return toSafeNumber(divideRounded(numerator * 1000n, denominator, 'half-up'));
}
