import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { createEvent, describeErrors, EventPayloads, EventType, eventHeaders, TypedEvent, validateEvent } from '@order-platform/contracts';
import type { EntityManager } from 'typeorm';
import { correlationIdOrNew } from '../correlation/correlation-context';
import { assertSchemaName } from '@order-platform/persistence';
import { outboxChannel } from './outbox-channel';

/** Any message for the outbox; events go through `append`, which fills these from the envelope. */
export interface OutboxMessage {
  id?: string;
  topic: string;
  key: string | null;
  payload: object;
  headers?: Record<string, string>;
}

export type EventToAppend = Omit<TypedEvent, 'correlationId'> & { correlationId?: string };

/**
 * Writes events into the outbox inside the caller's transaction: they are published if and
 * only if the business change commits. Pass the transaction's EntityManager.
 */
@Injectable()
export class OutboxWriter {
  /** Validates and appends an envelope; a missing correlationId comes from the current context. */
  async append(manager: EntityManager, event: EventToAppend): Promise<TypedEvent> {
    const stamped = { ...event, correlationId: event.correlationId ?? correlationIdOrNew() };
    const result = validateEvent(stamped);
    if (!result.ok) throw new Error(`refusing to publish an invalid ${String(event.type)}: ${describeErrors(result.errors)}`);
    await this.appendMessage(manager, {
      id: stamped.id,
      topic: stamped.type,
      key: stamped.orderId,
      payload: stamped,
      headers: eventHeaders(stamped),
    });
    return stamped as TypedEvent;
  }

  /** Builds the envelope (new id, now, current correlation id) and appends it. */
  async appendEvent<T extends EventType>(manager: EntityManager, type: T, payload: EventPayloads[T]): Promise<TypedEvent<T>> {
    const event = createEvent(type, payload, { correlationId: correlationIdOrNew() });
    return (await this.append(manager, event)) as TypedEvent<T>;
  }

  /** Appends a raw message (no envelope validation). */
  async appendMessage(manager: EntityManager, message: OutboxMessage): Promise<string> {
    // Outside a transaction the event could be published for a change that never commits.
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter needs the EntityManager of an open transaction (dataSource.transaction(manager => ...))');
    }
    const schema = assertSchemaName(String((manager.connection.options as { schema?: string }).schema ?? 'public'));
    const id = message.id ?? randomUUID();
    await manager.query(
      `INSERT INTO "${schema}".outbox (id, topic, key, payload, headers) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)`,
      [id, message.topic, message.key, JSON.stringify(message.payload), JSON.stringify(message.headers ?? {})],
    );
    // Delivered only when the transaction commits: wakes the relay at once, never for a rollback.
    await manager.query('SELECT pg_notify($1, $2)', [outboxChannel(schema), '']);
    return id;
  }
}
