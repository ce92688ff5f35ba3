import { plainToInstance, Type } from 'class-transformer';
import { IsInt, Max, Min, validateSync } from 'class-validator';

/**
 * Order-tracking settings. They are read from the gateway's own environment (the service
 * config keeps every variable it was started with), so the tracking capability adds settings
 * without touching the gateway's config class.
 */
export class TrackingSettings {
  /** `: keep-alive` comment interval; proxies drop idle streams after 30-60 s. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds 10-300000' })
  @Min(10, { message: 'must be a whole number of milliseconds 10-300000' })
  @Max(300_000, { message: 'must be a whole number of milliseconds 10-300000' })
  TRACKING_HEARTBEAT_MS = 15_000;

  /** The `retry:` hint: how long an EventSource waits before reconnecting. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number of milliseconds 0-600000' })
  @Min(0, { message: 'must be a whole number of milliseconds 0-600000' })
  @Max(600_000, { message: 'must be a whole number of milliseconds 0-600000' })
  TRACKING_RETRY_MS = 3_000;

  /** Frames a subscriber may have waiting for its socket before it is dropped as too slow. */
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number 1-10000' })
  @Min(1, { message: 'must be a whole number 1-10000' })
  @Max(10_000, { message: 'must be a whole number 1-10000' })
  TRACKING_MAX_BUFFERED_EVENTS = 256;
}

export const TRACKING_SETTINGS = Symbol('TRACKING_SETTINGS');

const KEYS: ReadonlyArray<keyof TrackingSettings> = ['TRACKING_HEARTBEAT_MS', 'TRACKING_RETRY_MS', 'TRACKING_MAX_BUFFERED_EVENTS'];

/** Validates the TRACKING_* values of `source`; a bad one stops the gateway naming the variable. */
export function loadTrackingSettings(source: object): TrackingSettings {
  const raw: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== undefined && String(value).trim() !== '') raw[key] = String(value).trim();
  }
  const settings = plainToInstance(TrackingSettings, raw, { enableImplicitConversion: true });
  const problems = validateSync(settings).map((error) => `${error.property} ${Object.values(error.constraints ?? {})[0] ?? 'is invalid'}`);
  if (problems.length > 0) throw new Error(`invalid order-tracking settings: ${problems.join('; ')}`);
  return settings;
}
