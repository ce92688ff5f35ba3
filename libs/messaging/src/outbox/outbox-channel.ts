import type { DataSource } from 'typeorm';
import { assertSchemaName } from '@order-platform/persistence';

/** Schema the messaging tables live in: the DataSource's schema. */
export function messagingSchema(dataSource: DataSource, override?: string): string {
  return assertSchemaName(override ?? String((dataSource.options as { schema?: string }).schema ?? 'public'));
}

/** LISTEN/NOTIFY channel the writer signals on commit and the relay waits on. */
export function outboxChannel(schema: string): string {
  return `outbox_${assertSchemaName(schema)}`;
}
