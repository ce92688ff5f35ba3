import type { DataSource, Migration } from 'typeorm';
import { assertSchemaName } from '../data-source/schema-name';

/**
 * Creates the DataSource's schema if needed, then runs pending migrations (one transaction per
 * migration). A session advisory lock keeps two replicas starting together from racing.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const schema = assertSchemaName(String((dataSource.options as { schema?: string }).schema ?? 'public'));
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${schema}`]);
    try {
      await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrations:${schema}`]);
    }
  } finally {
    await runner.release();
  }
}
