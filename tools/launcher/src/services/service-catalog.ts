import { join } from 'node:path';
import { ProcessSpec } from './supervisor';

export interface ServiceDefinition {
  name: string;
  defaultPort: number;
  /** Entry file relative to the workspace root. */
  entry: string;
  needsDatabase: boolean;
  needsSmtp: boolean;
}

const service = (name: string, defaultPort: number, extra: Partial<ServiceDefinition> = {}): ServiceDefinition => ({
  name,
  defaultPort,
  entry: `apps/${name}/src/main.ts`,
  needsDatabase: true,
  needsSmtp: false,
  ...extra,
});

/** Every service of the platform, in start order, with its default HTTP port. */
export const SERVICE_CATALOG: readonly ServiceDefinition[] = [
  service('gateway', 3000, { needsDatabase: false }),
  service('cart', 3101),
  service('billing', 3102),
  service('payment', 3103),
  service('shipment', 3104),
  service('email', 3105, { needsSmtp: true }),
  service('order-status', 3106),
];

/** The environment variable that overrides a service's HTTP port: CART_HTTP_PORT, ORDER_STATUS_HTTP_PORT, ... */
export function portVariable(name: string): string {
  return `${name.toUpperCase().replace(/-/g, '_')}_HTTP_PORT`;
}

/** The services named in `list` (comma-separated, e.g. LAUNCHER_SERVICES), or all of them. */
export function selectServices(list: string | undefined, catalog: readonly ServiceDefinition[] = SERVICE_CATALOG): ServiceDefinition[] {
  const names = (list ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) return [...catalog];
  const unknown = names.filter((name) => !catalog.some((entry) => entry.name === name));
  if (unknown.length) throw new Error(`unknown service(s) ${unknown.join(', ')}; known: ${catalog.map((entry) => entry.name).join(', ')}`);
  return catalog.filter((entry) => names.includes(entry.name));
}

export interface PlatformEndpoints {
  kafkaBrokers: string;
  databaseUrl: string;
  smtpUrl: string;
  httpHost: string;
  logLevel: string;
  /** The order-status this launcher starts, when it starts one: the gateway reads orders from it over HTTP. */
  orderStatusUrl?: string;
  /** The cart this launcher starts, when it starts one: the gateway reads customer-app orders from it over HTTP. */
  cartUrl?: string;
}

/** A service's URL as the other local processes reach it (a wildcard bind address is not one to connect to). */
export function localServiceUrl(httpHost: string, port: number): string {
  const host = httpHost === '0.0.0.0' || httpHost === '::' ? '127.0.0.1' : httpHost;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The environment a service process gets (README, "Configuration"). */
export function serviceEnvironment(definition: ServiceDefinition, port: number, endpoints: PlatformEndpoints, baseEnv: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...baseEnv,
    HTTP_PORT: String(port),
    HTTP_HOST: endpoints.httpHost,
    KAFKA_BROKERS: endpoints.kafkaBrokers,
    LOG_LEVEL: endpoints.logLevel,
    DEMO_DATA: 'true',
  };
  // Per-service settings the launcher chooses itself must not leak in from the launcher's own environment.
  delete env.KAFKA_CLIENT_ID;
  delete env.DATABASE_SCHEMA;
  if (definition.needsDatabase) env.DATABASE_URL = endpoints.databaseUrl;
  else delete env.DATABASE_URL;
  if (definition.needsSmtp) env.SMTP_URL = endpoints.smtpUrl;
  else delete env.SMTP_URL;
  if (definition.name !== 'gateway') delete env.JWT_SECRET;
  if (definition.name === 'gateway') {
    if (endpoints.orderStatusUrl) env.ORDER_STATUS_URL = endpoints.orderStatusUrl;
    if (endpoints.cartUrl) env.CART_URL = endpoints.cartUrl;
    // Order reads over order-status's and cart's internal HTTP reads (docs/adr/0003) when this launcher
    // starts both (http needs both URLs), unless ORDER_READS says otherwise.
    if (endpoints.orderStatusUrl && endpoints.cartUrl) env.ORDER_READS = env.ORDER_READS?.trim() || 'http';
  }
  return env;
}

export function serviceProcessSpec(definition: ServiceDefinition, workspaceRoot: string, env: NodeJS.ProcessEnv): ProcessSpec {
  return {
    name: definition.name,
    command: process.execPath,
    // Resolved from the launcher, so services also start from a workspace root without its own node_modules.
    args: ['-r', require.resolve('@swc-node/register'), join(workspaceRoot, definition.entry)],
    env,
    cwd: workspaceRoot,
  };
}
