import type { MigrationInterface, QueryRunner } from 'typeorm';
import { assertSchemaName } from '@order-platform/persistence';

/** DDL of the outbox table in `schema`. */
export function outboxTableSql(schema: string): string[] {
  const s = assertSchemaName(schema);
  return [
    `CREATE TABLE IF NOT EXISTS "${s}".outbox (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL,
      topic text NOT NULL,
      key text,
      payload jsonb NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz,
      attempts integer NOT NULL DEFAULT 0,
      last_error text
    )`,
    // The relay only ever scans unpublished rows in order: keep that index small.
    `CREATE INDEX IF NOT EXISTS outbox_unpublished_idx ON "${s}".outbox (seq) WHERE published_at IS NULL`,
    `CREATE INDEX IF NOT EXISTS outbox_published_at_idx ON "${s}".outbox (published_at) WHERE published_at IS NOT NULL`,
  ];
}

/** DDL of the inbox (processed events) table in `schema`. */
export function inboxTableSql(schema: string): string[] {
  const s = assertSchemaName(schema);
  return [
    `CREATE TABLE IF NOT EXISTS "${s}".processed_events (
      consumer_group text NOT NULL,
      event_id text NOT NULL,
      event_type text,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer_group, event_id)
    )`,
  ];
}

type MigrationClass = new () => MigrationInterface;

function migrationClass(name: string, up: string[], down: string[]): MigrationClass {
  const Migration = class implements MigrationInterface {
    name = name;
    async up(runner: QueryRunner): Promise<void> {
      for (const sql of up) await runner.query(sql);
    }
    async down(runner: QueryRunner): Promise<void> {
      for (const sql of down) await runner.query(sql);
    }
  };
  // TypeORM reads the timestamp from the class name when sorting migrations.
  Object.defineProperty(Migration, 'name', { value: name });
  return Migration;
}

/**
 * A migration creating the outbox and processed_events tables in the service schema.
 * Add it to the service's migrations list; the timestamp orders it among the service's own.
 */
export function createMessagingTables(schema: string, timestamp = 1700000000000): MigrationClass {
  const s = assertSchemaName(schema);
  return migrationClass(
    `CreateMessagingTables${timestamp}`,
    [...outboxTableSql(s), ...inboxTableSql(s)],
    [`DROP TABLE IF EXISTS "${s}".processed_events`, `DROP TABLE IF EXISTS "${s}".outbox`],
  );
}

/** Only the outbox table (for services that publish but never consume). */
export function createOutboxTables(schema: string, timestamp = 1700000000000): MigrationClass {
  const s = assertSchemaName(schema);
  return migrationClass(`CreateOutboxTables${timestamp}`, outboxTableSql(s), [`DROP TABLE IF EXISTS "${s}".outbox`]);
}
