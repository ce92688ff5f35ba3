import { ConfigValidationError } from '@order-platform/service-kit';
import { carriageRuleOf, loadWholesaleConfig } from '../wholesale-config';

describe('wholesale carriage settings', () => {
  it('defaults to free from 150.00, else 10.00, GB only, up to 100 kg', () => {
    expect(carriageRuleOf(loadWholesaleConfig({ HTTP_PORT: 0, KAFKA_BROKERS: ['x:1'] }))).toEqual({
      freeFromMinor: 15000,
      chargeTenThousandths: 100000,
      pricedCountries: ['GB'],
      maxWeightGrams: 100000,
    });
  });

  it('reads the WHOLESALE_* variables the service was started with', () => {
    const rule = carriageRuleOf(
      loadWholesaleConfig({
        WHOLESALE_CARRIAGE_FREE_FROM: '99.5',
        WHOLESALE_CARRIAGE_CHARGE: '7.25',
        WHOLESALE_CARRIAGE_COUNTRIES: 'gb, IE',
        WHOLESALE_CARRIAGE_MAX_WEIGHT_KG: '25.125',
      }),
    );
    expect(rule).toEqual({ freeFromMinor: 9950, chargeTenThousandths: 72500, pricedCountries: ['GB', 'IE'], maxWeightGrams: 25125 });
  });

  it('names a malformed variable', () => {
    expect(() => loadWholesaleConfig({ WHOLESALE_CARRIAGE_CHARGE: '10.005' })).toThrow(ConfigValidationError);
    expect(() => loadWholesaleConfig({ WHOLESALE_CARRIAGE_CHARGE: 'ten' })).toThrow(/WHOLESALE_CARRIAGE_CHARGE/);
  });
});
