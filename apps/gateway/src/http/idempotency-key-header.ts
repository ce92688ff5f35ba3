/** The longest Idempotency-Key the services record. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** The Idempotency-Key header's value, trimmed; blank or absent is undefined. Each API family decides what a too long key means. */
export function idempotencyKeyHeader(header: string | string[] | undefined): string | undefined {
  return (Array.isArray(header) ? header[0] : header)?.trim() || undefined;
}
