import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CORRELATION_HEADER, runWithCorrelationId } from './correlation';

// Accept caller ids that are safe to log and forward; anything else is replaced.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Returns the caller's correlation id when usable, else a fresh one. */
export function resolveCorrelationId(headerValue: string | string[] | undefined): string {
  const candidate = Array.isArray(headerValue) ? headerValue[0] : headerValue;
  return candidate && ACCEPTABLE_ID.test(candidate) ? candidate : randomUUID();
}

/**
 * Gives every HTTP request a correlation id (from `x-correlation-id` or generated), echoes it
 * in the response header and runs the rest of the request inside its correlation context, so
 * logs, commands and outbox events written while serving it carry the same id.
 * Registered as the first onRequest hook, before Nest's middleware.
 */
export function registerCorrelationIdHook(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const correlationId = resolveCorrelationId(request.headers[CORRELATION_HEADER]);
    request.headers[CORRELATION_HEADER] = correlationId;
    void reply.header(CORRELATION_HEADER, correlationId);
    runWithCorrelationId(correlationId, () => done());
  });
}
