import { IsIn, IsISO4217CurrencyCode, Matches } from 'class-validator';
import { parseMinor, RoundingMode } from '@order-platform/contracts';
import { DatabaseServiceConfig } from '@order-platform/service-kit';
import type { TaxRule } from './submit-cart/price-cart';

const ROUNDING_MODES: RoundingMode[] = ['half-up', 'half-even', 'down', 'up'];

export class CartConfig extends DatabaseServiceConfig {
  /** Tax included in catalog prices, in percent (may have decimals, e.g. 7.5). */
  @Matches(/^\d{1,2}(\.\d{1,4})?$/, { message: 'must be a percentage such as 22 or 7.5' })
  TAX_RATE_PERCENT = '22';

  /** How the included tax is rounded. */
  @IsIn(ROUNDING_MODES, { message: `must be one of ${ROUNDING_MODES.join(', ')}` })
  TAX_ROUNDING: RoundingMode = 'half-up';

  /**
   * The tax is rounded to a multiple of this amount of CURRENCY: "1" (whole units) reproduces
   * the checkout API's documented figures (200 -> tax 36, subtotal 164); "0.01" rounds to cents.
   */
  @Matches(/^(?!0+(\.0+)?$)\d{1,6}(\.\d{1,4})?$/, { message: 'must be a positive amount such as 1 or 0.01' })
  TAX_ROUNDING_INCREMENT = '1';

  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as USD' })
  CURRENCY = 'USD';

  /** How long an Idempotency-Key of an order-creating request answers its first order; older keys may be reused. */
  @Matches(/^[1-9]\d{0,4}$/, { message: 'must be a whole number of hours such as 24' })
  CART_IDEMPOTENCY_TTL_HOURS = '24';
}

export function taxRuleOf(config: CartConfig): TaxRule {
  return {
    ratePercent: config.TAX_RATE_PERCENT,
    rounding: config.TAX_ROUNDING,
    incrementMinor: parseMinor(config.TAX_ROUNDING_INCREMENT, config.CURRENCY),
  };
}
