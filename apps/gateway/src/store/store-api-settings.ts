import { SERVICE_CONFIG } from '@order-platform/service-kit';
import type { Provider } from '@nestjs/common';
import type { GatewayConfig } from '../gateway-config';

export const STORE_API_SETTINGS = Symbol('STORE_API_SETTINGS');

export interface StoreApiSettings {
  /** Refuse plain HTTP with 403 (production: on; local development: off). */
  requireHttps: boolean;
}

export const storeApiSettingsProvider: Provider = {
  provide: STORE_API_SETTINGS,
  inject: [SERVICE_CONFIG],
  useFactory: (config: GatewayConfig): StoreApiSettings => ({ requireHttps: config.STORE_API_REQUIRE_HTTPS }),
};
