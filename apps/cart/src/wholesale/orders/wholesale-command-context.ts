import { CommandErrorCodes, type CommandReply, INVALID_API_CREDENTIALS, replyError } from '@order-platform/contracts';
import { QueryFailedError } from 'typeorm';

export function unauthorized<T>(): CommandReply<T> {
  return replyError(CommandErrorCodes.Unauthorized, INVALID_API_CREDENTIALS);
}

export function orderNotFound<T>(orderId: unknown): CommandReply<T> {
  return replyError(CommandErrorCodes.NotFound, `Order ${String(orderId)} not found`);
}

/** The key is read before full validation so a bad key answers 401 whatever the body holds. */
export function presentedApiKey(raw: unknown): string | undefined {
  const apiKey = (raw as { apiKey?: unknown } | null)?.apiKey;
  return typeof apiKey === 'string' && apiKey.length > 0 && apiKey.length <= 200 ? apiKey : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}
