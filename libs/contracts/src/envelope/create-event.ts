import { randomUUID } from 'node:crypto';
import { EventType } from '../topics/topics';
import { EventPayloads, eventDefinition, TypedEvent } from '../registry/event-registry';
import { groupOrderKey } from '../events/group-order.events';
import { EventHeaders } from './event-headers';

export interface CreateEventOptions {
  correlationId: string;
  id?: string;
  occurredAt?: Date | string;
}

/** Builds an envelope for `type` with the current schema version; orderId (the key) comes from the payload. */
export function createEvent<T extends EventType>(
  type: T,
  payload: EventPayloads[T],
  options: CreateEventOptions,
): TypedEvent<T> {
  const occurredAt = options.occurredAt ?? new Date();
  return {
    id: options.id ?? randomUUID(),
    type,
    schemaVersion: eventDefinition(type).schemaVersion,
    occurredAt: typeof occurredAt === 'string' ? occurredAt : occurredAt.toISOString(),
    correlationId: options.correlationId,
    orderId: 'orderId' in payload ? payload.orderId : groupOrderKey(payload.groupOrderId),
    payload,
  } as TypedEvent<T>;
}

/** The Kafka headers an envelope travels with. */
export function eventHeaders(event: { id: string; type: string; schemaVersion: number; correlationId: string }): Record<string, string> {
  return {
    [EventHeaders.correlationId]: event.correlationId,
    [EventHeaders.eventType]: event.type,
    [EventHeaders.schemaVersion]: String(event.schemaVersion),
    [EventHeaders.eventId]: event.id,
  };
}
