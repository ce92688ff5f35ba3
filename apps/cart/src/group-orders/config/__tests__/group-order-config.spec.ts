import { ConfigValidationError } from '@order-platform/service-kit';
import { loadGroupOrderSettings } from '../group-order-config';

describe('group-order settings', () => {
  it('defaults to the documented values', () => {
    expect(loadGroupOrderSettings({ HTTP_PORT: 0, KAFKA_BROKERS: ['x:1'] })).toEqual({
      minFoodRushMinutes: 5,
      maxFoodRushMinutes: 60,
      externalFoodRushMinutes: 20,
      confirmationMinutes: 20,
      deliveryRadiusKm: 7,
      joinableDistanceKm: 2,
      aroundDistanceKm: 7,
      minimumPriceMinor: 1100,
      discountTiers: [
        { fromMinor: 0, percent: 0 },
        { fromMinor: 2000, percent: 5 },
        { fromMinor: 4000, percent: 10 },
        { fromMinor: 6000, percent: 15 },
        { fromMinor: 10000, percent: 20 },
      ],
      timerPollMs: 1000,
      clock: 'system',
    });
  });

  it('reads every variable, ignoring unrelated ones', () => {
    const settings = loadGroupOrderSettings({
      GROUP_ORDER_MIN_FOODRUSH_MINUTES: '10',
      GROUP_ORDER_MAX_FOODRUSH_MINUTES: '90',
      GROUP_ORDER_EXTERNAL_FOODRUSH_MINUTES: '15',
      GROUP_ORDER_CONFIRMATION_MINUTES: '25',
      GROUP_ORDER_DELIVERY_RADIUS_KM: '7.5',
      GROUP_ORDER_JOINABLE_DISTANCE_KM: '1.25',
      GROUP_ORDER_AROUND_DISTANCE_KM: '3',
      GROUP_ORDER_MINIMUM_PRICE_CENTS: '900',
      GROUP_ORDER_DISCOUNT_TIERS: ' 0:0 , 1000:3,5000:12 ',
      GROUP_ORDER_TIMER_POLL_MS: '250',
      GROUP_ORDER_CLOCK: 'controllable',
      TAX_RATE_PERCENT: '22',
    });
    expect(settings).toMatchObject({
      minFoodRushMinutes: 10,
      maxFoodRushMinutes: 90,
      externalFoodRushMinutes: 15,
      confirmationMinutes: 25,
      deliveryRadiusKm: 7.5,
      joinableDistanceKm: 1.25,
      aroundDistanceKm: 3,
      minimumPriceMinor: 900,
      timerPollMs: 250,
      clock: 'controllable',
    });
    expect(settings.discountTiers).toEqual([
      { fromMinor: 0, percent: 0 },
      { fromMinor: 1000, percent: 3 },
      { fromMinor: 5000, percent: 12 },
    ]);
  });

  it('names a malformed variable', () => {
    expect(() => loadGroupOrderSettings({ GROUP_ORDER_DELIVERY_RADIUS_KM: 'far' })).toThrow(ConfigValidationError);
    expect(() => loadGroupOrderSettings({ GROUP_ORDER_DELIVERY_RADIUS_KM: 'far' })).toThrow(/GROUP_ORDER_DELIVERY_RADIUS_KM must be a distance in km/);
    expect(() => loadGroupOrderSettings({ GROUP_ORDER_MINIMUM_PRICE_CENTS: '11.00' })).toThrow(/GROUP_ORDER_MINIMUM_PRICE_CENTS/);
    expect(() => loadGroupOrderSettings({ GROUP_ORDER_CLOCK: 'fast' })).toThrow(/GROUP_ORDER_CLOCK must be one of system, controllable/);
    expect(() => loadGroupOrderSettings({ GROUP_ORDER_DISCOUNT_TIERS: '0:0;2000:5' })).toThrow(/GROUP_ORDER_DISCOUNT_TIERS must be tiers/);
  });

  it('refuses tiers out of order, not from 0, or above 100 %', () => {
    expect(() => loadGroupOrderSettings({ GROUP_ORDER_DISCOUNT_TIERS: '0:0,4000:10,2000:5' })).toThrow(
      'GROUP_ORDER_DISCOUNT_TIERS totals must be ascending: 2000 after 4000',
    );
    expect(() => loadGroupOrderSettings({ GROUP_ORDER_DISCOUNT_TIERS: '0:0,2000:5,2000:6' })).toThrow(/totals must be ascending: 2000 after 2000/);
    expect(() => loadGroupOrderSettings({ GROUP_ORDER_DISCOUNT_TIERS: '0:10,2000:5' })).toThrow(/percents must not decrease: 5 after 10/);
    expect(() => loadGroupOrderSettings({ GROUP_ORDER_DISCOUNT_TIERS: '100:5' })).toThrow(/must start with a tier from 0/);
    expect(() => loadGroupOrderSettings({ GROUP_ORDER_DISCOUNT_TIERS: '0:0,100:101' })).toThrow(/percent 101 is above 100/);
  });

  it('refuses inconsistent durations and a controllable clock in production', () => {
    expect(() => loadGroupOrderSettings({ GROUP_ORDER_MIN_FOODRUSH_MINUTES: '30', GROUP_ORDER_MAX_FOODRUSH_MINUTES: '20' })).toThrow(
      /GROUP_ORDER_MAX_FOODRUSH_MINUTES must not be below GROUP_ORDER_MIN_FOODRUSH_MINUTES \(30\)/,
    );
    expect(() => loadGroupOrderSettings({ GROUP_ORDER_MIN_FOODRUSH_MINUTES: '0' })).toThrow(/at least 1/);
    expect(() => loadGroupOrderSettings({ GROUP_ORDER_CLOCK: 'controllable', NODE_ENV: 'production' })).toThrow(
      'GROUP_ORDER_CLOCK=controllable is refused when NODE_ENV=production',
    );
    expect(loadGroupOrderSettings({ GROUP_ORDER_CLOCK: 'controllable', NODE_ENV: 'test' }).clock).toBe('controllable');
  });
});
