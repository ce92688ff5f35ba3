import { loadGroupOrderSettings } from '../../config/group-order-config';
import { discountedPriceMinor, discountRateFor } from '../discount';
import { distanceKm, formatKm, withinKm } from '../great-circle-distance';

const tiers = loadGroupOrderSettings({}).discountTiers;

describe('great-circle distance', () => {
  it('is 0 for one point and symmetric', () => {
    const a = { latitude: 48.711042, longitude: 2.219278 };
    const b = { latitude: 48.7137, longitude: 2.2089 };
    expect(distanceKm(a, a)).toBe(0);
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 12);
  });

  it('matches known distances (haversine, R = 6371 km)', () => {
    // One degree of latitude: 6371 * pi / 180.
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(111.19493, 4);
    // A quarter of the equator: 6371 * pi / 2; pole to pole: 6371 * pi.
    expect(distanceKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 90 })).toBeCloseTo(10007.5434, 3);
    expect(distanceKm({ latitude: 90, longitude: 0 }, { latitude: -90, longitude: 0 })).toBeCloseTo(20015.0868, 3);
    // The demo restaurant 6 is about 0.8 km from the example address.
    expect(distanceKm({ latitude: 48.711042, longitude: 2.219278 }, { latitude: 48.7137, longitude: 2.2089 })).toBeCloseTo(0.82, 2);
  });

  it('accepts a distance equal to the limit, refuses a longer one', () => {
    expect(withinKm(7, 7)).toBe(true);
    expect(withinKm(7.0000001, 7)).toBe(false);
    expect(withinKm(6.9, 7)).toBe(true);
  });

  it('prints km with one decimal, dropping ".0"', () => {
    expect(formatKm(10)).toBe('10');
    expect(formatKm(10.04)).toBe('10');
    expect(formatKm(7.36)).toBe('7.4');
    expect(formatKm(7.349)).toBe('7.3');
    expect(formatKm(0.05)).toBe('0.1');
  });
});

describe('discount', () => {
  it('takes the highest tier reached by the group total', () => {
    expect(discountRateFor(0, tiers)).toBe(0);
    expect(discountRateFor(1999, tiers)).toBe(0);
    expect(discountRateFor(2000, tiers)).toBe(5);
    expect(discountRateFor(4660, tiers)).toBe(10);
    expect(discountRateFor(6000, tiers)).toBe(15);
    expect(discountRateFor(9999, tiers)).toBe(15);
    expect(discountRateFor(10000, tiers)).toBe(20);
    expect(discountRateFor(1_000_000, tiers)).toBe(20);
  });

  it('rounds the discount half up, in integers', () => {
    expect(discountedPriceMinor(4660, 0)).toBe(4660);
    expect(discountedPriceMinor(4660, 15)).toBe(3961); // 699 off
    expect(discountedPriceMinor(810, 5)).toBe(769); // 40.5 -> 41 off
    expect(discountedPriceMinor(830, 5)).toBe(788); // 41.5 -> 42 off
    expect(discountedPriceMinor(810, 10)).toBe(729); // exactly 81 off
    expect(discountedPriceMinor(1, 50)).toBe(0); // 0.5 -> 1 off
    expect(discountedPriceMinor(1, 49)).toBe(1); // 0.49 -> 0 off
    expect(discountedPriceMinor(2966, 28)).toBe(2136); // 830.48 -> 830 off
    expect(discountedPriceMinor(Number.MAX_SAFE_INTEGER, 20)).toBe(7205759403792793); // 1801439850948198.2 off, exact in integers
  });
});
