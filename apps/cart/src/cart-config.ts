import { IsISO4217CurrencyCode, Matches } from 'class-validator';
import { DatabaseServiceConfig } from '@order-platform/service-kit';

export class CartConfig extends DatabaseServiceConfig {
  /** Tax included in catalog prices, in percent (may have decimals, e.g. 7.5). */
  @Matches(/^\d{1,2}(\.\d{1,4})?$/, { message: 'must be a percentage such as 22 or 7.5' })
  TAX_RATE_PERCENT = '22';

  @IsISO4217CurrencyCode({ message: 'must be an ISO 4217 currency code such as USD' })
  CURRENCY = 'USD';
}
