import type { QueryRunner } from 'typeorm';

/** The service's schema, as configured on the data source (DATABASE_SCHEMA), quoted. */
export function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
  return `"${schema.replace(/"/g, '""')}"`;
}
