import type { FastifyRequest } from 'fastify';
import type { TLSSocket } from 'node:tls';

/** Whether the client reached us over TLS: our own TLS socket, or a TLS-terminating proxy saying so. */
export function arrivedOverHttps(request: FastifyRequest): boolean {
  if ((request.raw.socket as TLSSocket | undefined)?.encrypted) return true;
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return first === 'https';
}
