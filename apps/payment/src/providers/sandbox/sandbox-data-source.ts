import { DataSource } from 'typeorm';

/** Connections of the sandbox's own pool: its short statements only. */
const SANDBOX_POOL_SIZE = 4;

/**
 * The sandbox's own pool on the service's database and schema. Charging holds a service
 * connection (its transaction and invoice lock) while the provider is called; were the sandbox to
 * take its connection from that same pool, ten charges at once could each hold one and wait
 * forever for a second. Closed by the provider on application shutdown.
 */
export function openSandboxDataSource(service: DataSource): Promise<DataSource> {
  const options = service.options as DataSource['options'] & { extra?: Record<string, unknown> };
  return new DataSource({
    ...options,
    entities: [],
    migrations: [],
    subscribers: [],
    migrationsRun: false,
    synchronize: false,
    poolSize: SANDBOX_POOL_SIZE,
    extra: { ...options.extra, max: SANDBOX_POOL_SIZE },
  } as DataSource['options']).initialize();
}
