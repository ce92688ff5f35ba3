/** Kafka header names every event carries (see the envelope). */
export const EventHeaders = {
  correlationId: 'x-correlation-id',
  eventType: 'x-event-type',
  schemaVersion: 'x-schema-version',
  eventId: 'x-event-id',
} as const;

export type KafkaHeaderValue = string | Buffer | (string | Buffer)[] | undefined;
export type KafkaHeaders = Record<string, KafkaHeaderValue>;

/** Reads one header as a string; Kafka clients deliver Buffers, Nest's parser strings. */
export function headerAsString(headers: KafkaHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === null) return undefined;
  return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
}
