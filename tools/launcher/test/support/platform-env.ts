import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ephemeralPort } from '../../src/infrastructure/free-port';
import { portVariable, SERVICE_CATALOG } from '../../src/services/service-catalog';

export interface PlatformEnv {
  env: NodeJS.ProcessEnv;
  /** Drops the database created on an external server, if any. */
  cleanup(): Promise<void>;
}

/**
 * Environment for a launcher run that collides with nothing: its own data directory, a free
 * port for everything, and, when DATABASE_URL is set (CI), a fresh database on that server
 * instead of the embedded PostgreSQL.
 */
export async function isolatedPlatformEnv(
  dataDir: string,
  serviceNames = SERVICE_CATALOG.map((s) => s.name),
  external = process.env.DATABASE_URL,
): Promise<PlatformEnv> {
  const env: NodeJS.ProcessEnv = {
    LAUNCHER_DATA_DIR: dataDir,
    LAUNCHER_SERVICES: serviceNames.join(','),
    KAFKA_BROKERS: '',
    SMTP_URL: '',
    DATABASE_URL: '',
    KAFKA_PORT: String(await ephemeralPort()),
    PG_PORT: String(await ephemeralPort()),
    SMTP_PORT: String(await ephemeralPort()),
  };
  for (const name of serviceNames) env[portVariable(name)] = String(await ephemeralPort());

  if (!external) return { env, cleanup: async () => undefined };
  const url = new URL(external);
  const database = `launcher_e2e_${randomBytes(4).toString('hex')}`;
  url.pathname = `/${database}`;
  env.DATABASE_URL = url.toString();
  return {
    env,
    cleanup: async () => {
      url.pathname = '/postgres';
      const client = new Client({ connectionString: url.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
