import type { EnvSource } from './load-config';

/** Default HTTP ports (README, "Configuration"), so services can run side by side on one machine. */
export const DEFAULT_HTTP_PORTS: Readonly<Record<string, number>> = {
  gateway: 3000,
  cart: 3101,
  billing: 3102,
  payment: 3103,
  shipment: 3104,
  email: 3105,
  'order-status': 3106,
};

/** Environment defaults derived from the service name (port, client id, schema). */
export function serviceDefaults(name: string): EnvSource {
  return {
    HTTP_PORT: String(DEFAULT_HTTP_PORTS[name] ?? 3000),
    KAFKA_CLIENT_ID: name,
    DATABASE_SCHEMA: name.replace(/-/g, '_'),
  };
}
