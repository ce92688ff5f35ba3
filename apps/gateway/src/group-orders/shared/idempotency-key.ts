import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { idempotencyKeyHeader, MAX_IDEMPOTENCY_KEY_LENGTH } from '../../http/idempotency-key-header';
import { invalidRequest } from './food-rush-refusal';

/**
 * The optional Idempotency-Key header of the order-creating routes, trimmed; blank means absent.
 * A longer key is refused (400 invalidRequest) rather than cut: two keys sharing their first 200
 * characters must not answer each other's order.
 */
export function idempotencyKeyOf(header: string | string[] | undefined): { idempotencyKey?: string } {
  const key = idempotencyKeyHeader(header);
  if (!key) return {};
  if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw invalidRequest(`The Idempotency-Key header must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, ${key.length} given.`);
  }
  return { idempotencyKey: key };
}

/** Documents the header on a route that creates an order. */
export function ApiIdempotencyKeyHeader(what: string): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        `Retries with the same key (at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters, per caller) answer the same ${what} with the same status ` +
        'instead of creating another; the same key with a different request is 422 idempotencyKeyReused. Keys expire after ' +
        'CART_IDEMPOTENCY_TTL_HOURS (24 h by default); a refused request records nothing.',
    }),
  );
}
