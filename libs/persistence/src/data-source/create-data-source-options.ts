import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { assertSchemaName } from './schema-name';

type ClassList = MixedList<string | (new (...args: never[]) => unknown) | EntitySchema>;

export interface PersistenceOptions {
  /** postgres://user[:password]@host:port/db */
  url: string;
  /** The service's own schema; tables, migrations table and search_path all point at it. */
  schema: string;
  entities?: ClassList;
  migrations?: MixedList<string | (new (...args: never[]) => unknown)>;
  /** Shows in pg_stat_activity: which service holds a connection. */
  applicationName?: string;
  /** Max connections in the pool (default 10). */
  poolSize?: number;
  connectTimeoutMs?: number;
  idleTimeoutMs?: number;
  /** Server-side cap per statement; 0 disables (default 30 s). */
  statementTimeoutMs?: number;
  logging?: boolean;
  /** Run migrations inside DataSource.initialize(); off: call runMigrations() instead. */
  migrationsRun?: boolean;
}

/**
 * TypeORM options for one service: PostgreSQL, its own schema, never `synchronize`.
 * search_path is set to the schema so unqualified SQL in migrations lands there too.
 */
export function createDataSourceOptions(options: PersistenceOptions): DataSourceOptions {
  const schema = assertSchemaName(options.schema);
  const statementTimeout = options.statementTimeoutMs ?? 30_000;
  const postgres: PostgresConnectionOptions = {
    type: 'postgres',
    url: options.url,
    schema,
    entities: options.entities as PostgresConnectionOptions['entities'],
    migrations: options.migrations as PostgresConnectionOptions['migrations'],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    migrationsRun: options.migrationsRun ?? false,
    synchronize: false,
    dropSchema: false,
    logging: options.logging ?? false,
    applicationName: options.applicationName,
    poolSize: options.poolSize ?? 10,
    connectTimeoutMS: options.connectTimeoutMs ?? 5_000,
    extra: {
      max: options.poolSize ?? 10,
      idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
      options: `-c search_path=${schema},public -c statement_timeout=${statementTimeout}`,
    },
  };
  return postgres;
}
