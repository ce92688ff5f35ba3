import { IsIn, Matches } from 'class-validator';
import { ConfigValidationError, loadConfig, type EnvSource } from '@order-platform/service-kit';

const WHOLE = /^\d{1,6}$/;
const KILOMETRES = /^\d{1,4}(\.\d{1,3})?$/;
export const GROUP_ORDER_CLOCKS = ['system', 'controllable'] as const;
export type GroupOrderClockKind = (typeof GROUP_ORDER_CLOCKS)[number];

/** The GROUP_ORDER_* environment variables, as text (documented in apps/cart/README.md). */
export class GroupOrderConfig {
  /** Shortest FoodRush duration a customer may ask for. */
  @Matches(WHOLE, { message: 'must be a whole number of minutes such as 5' })
  GROUP_ORDER_MIN_FOODRUSH_MINUTES = '5';

  /** Longest FoodRush duration a customer may ask for. */
  @Matches(WHOLE, { message: 'must be a whole number of minutes such as 60' })
  GROUP_ORDER_MAX_FOODRUSH_MINUTES = '60';

  /** FoodRush duration of a group a restaurant opens with an external order. */
  @Matches(WHOLE, { message: 'must be a whole number of minutes such as 20' })
  GROUP_ORDER_EXTERNAL_FOODRUSH_MINUTES = '20';

  /** Time the restaurant has, after the group closed, to confirm it (endingAt = closedAt + this). */
  @Matches(WHOLE, { message: 'must be a whole number of minutes such as 20' })
  GROUP_ORDER_CONFIRMATION_MINUTES = '20';

  /** Farthest delivery address from the restaurant. */
  @Matches(KILOMETRES, { message: 'must be a distance in km such as 7 or 7.5' })
  GROUP_ORDER_DELIVERY_RADIUS_KM = '7';

  /** Farthest a joining member's address may be from the group's first address. */
  @Matches(KILOMETRES, { message: 'must be a distance in km such as 2 or 1.5' })
  GROUP_ORDER_JOINABLE_DISTANCE_KM = '2';

  /** Radius of GET /groupOrders?around=1. */
  @Matches(KILOMETRES, { message: 'must be a distance in km such as 7 or 7.5' })
  GROUP_ORDER_AROUND_DISTANCE_KM = '7';

  /** Smallest raw price (cents) of one member order. */
  @Matches(/^\d{1,9}$/, { message: 'must be a whole number of cents such as 1100' })
  GROUP_ORDER_MINIMUM_PRICE_CENTS = '1100';

  /** Discount tiers "total raw cents:percent", comma-separated, totals ascending from 0. */
  @Matches(/^\s*\d{1,12}\s*:\s*\d{1,3}\s*(,\s*\d{1,12}\s*:\s*\d{1,3}\s*)*$/, { message: 'must be tiers such as 0:0,2000:5,4000:10' })
  GROUP_ORDER_DISCOUNT_TIERS = '0:0,2000:5,4000:10,6000:15,10000:20';

  /** How often the timer poller looks for due timers. */
  @Matches(/^\d{2,7}$/, { message: 'must be a whole number of milliseconds such as 1000' })
  GROUP_ORDER_TIMER_POLL_MS = '1000';

  /** `controllable` lets tests and demos move time forward; refused when NODE_ENV=production. */
  @IsIn(GROUP_ORDER_CLOCKS, { message: `must be one of ${GROUP_ORDER_CLOCKS.join(', ')}` })
  GROUP_ORDER_CLOCK: GroupOrderClockKind = 'system';
}

/** A discount percent applying from a group total (raw cents) upwards. */
export interface DiscountTier {
  fromMinor: number;
  percent: number;
}

/** The group-order settings, parsed and checked; every group-order rule reads these. */
export interface GroupOrderSettings {
  minFoodRushMinutes: number;
  maxFoodRushMinutes: number;
  externalFoodRushMinutes: number;
  confirmationMinutes: number;
  deliveryRadiusKm: number;
  joinableDistanceKm: number;
  aroundDistanceKm: number;
  minimumPriceMinor: number;
  /** Ascending by fromMinor, the first from 0. */
  discountTiers: DiscountTier[];
  timerPollMs: number;
  clock: GroupOrderClockKind;
}

/** Nest token of the GroupOrderSettings. */
export const GROUP_ORDER_SETTINGS = Symbol('GROUP_ORDER_SETTINGS');

/**
 * Reads the GROUP_ORDER_* settings from the service's config object (which carries every
 * variable the cart was started with); anything malformed or inconsistent stops the cart with a
 * message naming the variable.
 */
export function loadGroupOrderSettings(serviceConfig: object): GroupOrderSettings {
  const env: EnvSource = {};
  for (const [key, value] of Object.entries(serviceConfig)) {
    if (key.startsWith('GROUP_ORDER_') && typeof value === 'string') env[key] = value;
  }
  const config = loadConfig(GroupOrderConfig, env);
  const nodeEnv = (serviceConfig as { NODE_ENV?: unknown }).NODE_ENV;
  return parseGroupOrderSettings(config, typeof nodeEnv === 'string' ? nodeEnv : undefined);
}

export function parseGroupOrderSettings(config: GroupOrderConfig, nodeEnv?: string): GroupOrderSettings {
  const problems: string[] = [];
  const settings: GroupOrderSettings = {
    minFoodRushMinutes: Number(config.GROUP_ORDER_MIN_FOODRUSH_MINUTES),
    maxFoodRushMinutes: Number(config.GROUP_ORDER_MAX_FOODRUSH_MINUTES),
    externalFoodRushMinutes: Number(config.GROUP_ORDER_EXTERNAL_FOODRUSH_MINUTES),
    confirmationMinutes: Number(config.GROUP_ORDER_CONFIRMATION_MINUTES),
    deliveryRadiusKm: Number(config.GROUP_ORDER_DELIVERY_RADIUS_KM),
    joinableDistanceKm: Number(config.GROUP_ORDER_JOINABLE_DISTANCE_KM),
    aroundDistanceKm: Number(config.GROUP_ORDER_AROUND_DISTANCE_KM),
    minimumPriceMinor: Number(config.GROUP_ORDER_MINIMUM_PRICE_CENTS),
    discountTiers: parseDiscountTiers(config.GROUP_ORDER_DISCOUNT_TIERS, problems),
    timerPollMs: Number(config.GROUP_ORDER_TIMER_POLL_MS),
    clock: config.GROUP_ORDER_CLOCK,
  };
  if (settings.minFoodRushMinutes < 1) problems.push('GROUP_ORDER_MIN_FOODRUSH_MINUTES must be at least 1');
  if (settings.maxFoodRushMinutes < settings.minFoodRushMinutes) {
    problems.push(`GROUP_ORDER_MAX_FOODRUSH_MINUTES must not be below GROUP_ORDER_MIN_FOODRUSH_MINUTES (${settings.minFoodRushMinutes})`);
  }
  if (settings.externalFoodRushMinutes < 1) problems.push('GROUP_ORDER_EXTERNAL_FOODRUSH_MINUTES must be at least 1');
  if (settings.timerPollMs < 10) problems.push('GROUP_ORDER_TIMER_POLL_MS must be at least 10');
  if (settings.clock === 'controllable' && nodeEnv === 'production') {
    problems.push('GROUP_ORDER_CLOCK=controllable is refused when NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigValidationError(problems);
  return settings;
}

/** "0:0,2000:5,4000:10": totals strictly ascending from 0, percents 0..100 never decreasing. */
function parseDiscountTiers(text: string, problems: string[]): DiscountTier[] {
  const tiers = text.split(',').map((tier) => {
    const [from, percent] = tier.split(':').map((part) => Number(part.trim()));
    return { fromMinor: from, percent };
  });
  const name = 'GROUP_ORDER_DISCOUNT_TIERS';
  if (tiers[0].fromMinor !== 0) problems.push(`${name} must start with a tier from 0, such as 0:0`);
  tiers.forEach((tier, index) => {
    if (!Number.isSafeInteger(tier.fromMinor)) problems.push(`${name} total ${tier.fromMinor} is too large`);
    if (tier.percent > 100) problems.push(`${name} percent ${tier.percent} is above 100`);
    const previous = tiers[index - 1];
    if (previous && tier.fromMinor <= previous.fromMinor) problems.push(`${name} totals must be ascending: ${tier.fromMinor} after ${previous.fromMinor}`);
    if (previous && tier.percent < previous.percent) problems.push(`${name} percents must not decrease: ${tier.percent} after ${previous.percent}`);
  });
  return tiers;
}
