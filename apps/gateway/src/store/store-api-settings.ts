import { SERVICE_CONFIG } from '@order-platform/service-kit';
import type { Provider } from '@nestjs/common';

export const STORE_API_SETTINGS = Symbol('STORE_API_SETTINGS');

export interface StoreApiSettings {
  /** Refuse plain HTTP with 403 (production: on; local development: off). */
  requireHttps: boolean;
}

const SWITCH: Record<string, boolean> = { on: true, true: true, '1': true, yes: true, off: false, false: false, '0': false, no: false };

/** STORE_API_REQUIRE_HTTPS: on/off (also true/false, 1/0); default off. Anything else stops the gateway at start. */
export function parseStoreApiSettings(env: Record<string, unknown>): StoreApiSettings {
  const raw = env['STORE_API_REQUIRE_HTTPS'];
  if (raw === undefined || raw === null || String(raw).trim() === '') return { requireHttps: false };
  const value = SWITCH[String(raw).trim().toLowerCase()];
  if (value === undefined) throw new Error(`STORE_API_REQUIRE_HTTPS must be on or off, got '${String(raw)}'`);
  return { requireHttps: value };
}

// The service config keeps every variable it was loaded from, so the gateway and in-process tests share one source.
export const storeApiSettingsProvider: Provider = {
  provide: STORE_API_SETTINGS,
  inject: [SERVICE_CONFIG],
  useFactory: (config: object): StoreApiSettings => parseStoreApiSettings(config as Record<string, unknown>),
};
