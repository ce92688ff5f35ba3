import { readTopic } from '@order-platform/testing';

export interface LedgerEntry {
  eventId: string;
  orderId: string;
  payload: Record<string, unknown>;
}

/**
 * Every event of one topic for the given orders, read from the broker. A relay may publish an
 * outbox row twice after a crash (same event id); distinct business ids are what must be unique.
 */
export async function eventsFor(brokers: string[], topic: string, orderIds: ReadonlySet<string>, atLeast: number): Promise<LedgerEntry[]> {
  const messages = await readTopic(brokers, topic, {
    count: atLeast,
    timeoutMs: 60000,
    settleMs: 3000,
    filter: (message) => message.key !== null && orderIds.has(message.key),
  });
  return messages.map((message) => {
    const envelope = JSON.parse(message.value ?? '{}') as { id: string; orderId: string; payload: Record<string, unknown> };
    return { eventId: envelope.id, orderId: envelope.orderId, payload: envelope.payload };
  });
}

/** orderId -> the distinct values of payload[field] seen for it. */
export function distinctPerOrder(entries: readonly LedgerEntry[], field: string): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const entry of entries) {
    const values = result.get(entry.orderId) ?? new Set<string>();
    values.add(String(entry.payload[field]));
    result.set(entry.orderId, values);
  }
  return result;
}
