import { join, resolve } from 'node:path';
import { portVariable, selectServices, ServiceDefinition } from '../services/service-catalog';

/** Everything the launcher reads from its environment (documented in docs/launcher.md). */
export interface LauncherConfig {
  workspaceRoot: string;
  dataDir: string;
  services: ServiceDefinition[];
  /** Preferred HTTP port per service (the next free one is taken when it is busy). */
  servicePorts: Record<string, number>;
  httpHost: string;
  /** Set: use these brokers. Unset: start the embedded broker on kafkaPort. */
  kafkaBrokers?: string;
  kafkaPort: number;
  /** Set: use this server (the database is created if missing). Unset: embedded PostgreSQL on postgresPort. */
  databaseUrl?: string;
  postgresPort: number;
  databaseName: string;
  /** Set: the email service uses it. Unset: the local mail capture on smtpPort. */
  smtpUrl?: string;
  smtpPort: number;
  logLevel: string;
  rawLogs: boolean;
  colors: boolean;
  readyTimeoutMs: number;
  stopTimeoutMs: number;
}

export function readLauncherConfig(env: NodeJS.ProcessEnv, repositoryRoot: string, isTty: boolean): LauncherConfig {
  // Where apps/<name>/src/main.ts are looked up; the repository itself unless pointed elsewhere.
  const workspaceRoot = resolve(repositoryRoot, env.LAUNCHER_WORKSPACE_ROOT || '.');
  const services = selectServices(env.LAUNCHER_SERVICES);
  const servicePorts = Object.fromEntries(services.map((service) => [service.name, port(env, portVariable(service.name), service.defaultPort)]));
  return {
    workspaceRoot,
    dataDir: resolve(repositoryRoot, env.LAUNCHER_DATA_DIR || '.data'),
    services,
    servicePorts,
    httpHost: env.LAUNCHER_HTTP_HOST || '127.0.0.1',
    kafkaBrokers: env.KAFKA_BROKERS || undefined,
    kafkaPort: port(env, 'KAFKA_PORT', 9092),
    databaseUrl: env.DATABASE_URL || undefined,
    postgresPort: port(env, 'PG_PORT', 5433),
    databaseName: env.LAUNCHER_DATABASE || 'order_platform',
    smtpUrl: env.SMTP_URL || undefined,
    smtpPort: port(env, 'SMTP_PORT', 1025),
    logLevel: env.LOG_LEVEL || 'info',
    rawLogs: env.LAUNCHER_RAW_LOGS === '1' || env.LAUNCHER_RAW_LOGS === 'true',
    colors: env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : isTty && !env.NO_COLOR,
    readyTimeoutMs: positive(env, 'LAUNCHER_READY_TIMEOUT_MS', 180000),
    stopTimeoutMs: positive(env, 'LAUNCHER_STOP_TIMEOUT_MS', positive(env, 'SHUTDOWN_TIMEOUT_MS', 10000) + 5000),
  };
}

export function dataPaths(dataDir: string) {
  return {
    pidFile: join(dataDir, 'launcher.pid'),
    statusFile: join(dataDir, 'launcher-status.json'),
    demoFile: join(dataDir, 'demo.json'),
    asyncApiFile: join(dataDir, 'asyncapi.json'),
    kafkaDir: join(dataDir, 'kafka'),
    postgresDir: join(dataDir, 'postgres'),
    mailDir: join(dataDir, 'mail'),
    jwtSecretFile: join(dataDir, 'jwt-secret'),
  };
}

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number (0-65535), got "${raw}"`);
  return value;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number of milliseconds, got "${raw}"`);
  return value;
}
