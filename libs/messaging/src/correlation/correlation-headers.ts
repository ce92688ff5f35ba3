import { EventHeaders, headerAsString, KafkaHeaders } from '@order-platform/contracts';

export const CORRELATION_HEADER = EventHeaders.correlationId;

/** Reads `x-correlation-id` from Kafka or HTTP headers (Buffer or string values). */
export function correlationIdFromHeaders(headers: KafkaHeaders | Record<string, string | string[] | undefined> | undefined): string | undefined {
  const value = headerAsString(headers as KafkaHeaders | undefined, CORRELATION_HEADER);
  return value && value.length <= 200 ? value : undefined;
}

/** Headers object carrying the correlation id, to spread into a Kafka message or HTTP call. */
export function correlationHeaders(correlationId: string): Record<string, string> {
  return { [CORRELATION_HEADER]: correlationId };
}
