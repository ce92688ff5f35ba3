import { isCommandReply } from '@order-platform/contracts';
import { CommandFailedError } from '../api-errors/command-failed.error';

/** A service's `CommandReply`, however it travelled: data on success, CommandFailedError on `{ ok: false }`. */
export function unwrapReply<T>(pattern: string, reply: unknown): T {
  if (!isCommandReply(reply)) throw new Error(`${pattern} answered with a malformed reply`);
  if (!reply.ok) throw new CommandFailedError(reply.error);
  return reply.data as T;
}
