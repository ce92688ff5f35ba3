import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { messagingSchema } from '../outbox/outbox-channel';

export type HandleOnceResult<T> = { status: 'processed'; result: T } | { status: 'duplicate' };

/**
 * Runs `handler` in a transaction that also records (consumer, event id) in processed_events.
 * A redelivered event finds its row and is skipped; a concurrent duplicate waits on the row
 * lock and is skipped once the first commits. If the handler throws, neither is kept.
 */
export async function handleOnce<T>(
  dataSource: DataSource,
  consumer: string,
  event: { id: string; type?: string },
  handler: (manager: EntityManager) => Promise<T>,
): Promise<HandleOnceResult<T>> {
  const table = `"${messagingSchema(dataSource)}".processed_events`;
  return dataSource.transaction(async (manager) => {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ${table} (consumer_group, event_id, event_type) VALUES ($1, $2, $3)
       ON CONFLICT (consumer_group, event_id) DO NOTHING RETURNING event_id`,
      [consumer, event.id, event.type ?? null],
    );
    if (inserted.length === 0) return { status: 'duplicate' } as const;
    return { status: 'processed', result: await handler(manager) } as const;
  });
}

/** Injectable form of handleOnce bound to the service's DataSource. */
@Injectable()
export class InboxHandler {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  handleOnce<T>(consumer: string, event: { id: string; type?: string }, handler: (manager: EntityManager) => Promise<T>): Promise<HandleOnceResult<T>> {
    return handleOnce(this.dataSource, consumer, event, handler);
  }
}
