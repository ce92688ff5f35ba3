import { ValidationError } from 'class-validator';

/** Stable error codes the gateway maps to HTTP statuses. */
export const CommandErrorCodes = {
  ValidationFailed: 'VALIDATION_FAILED', // 400
  Unauthorized: 'UNAUTHORIZED', // 401
  Forbidden: 'FORBIDDEN', // 403
  NotFound: 'NOT_FOUND', // 404
  Conflict: 'CONFLICT', // 409
  Unprocessable: 'UNPROCESSABLE', // 422
  Unavailable: 'UNAVAILABLE', // 503
  Internal: 'INTERNAL', // 500
} as const;

export type CommandErrorCode = (typeof CommandErrorCodes)[keyof typeof CommandErrorCodes] | (string & {});

export interface CommandError {
  code: CommandErrorCode;
  message: string;
  details?: unknown;
}

/** What every `@MessagePattern` handler returns: data or a typed error, never a thrown exception. */
export type CommandReply<T> = { ok: true; data: T } | { ok: false; error: CommandError };

export function replyOk<T>(data: T): CommandReply<T> {
  return { ok: true, data };
}

export function replyError<T = never>(code: CommandErrorCode, message: string, details?: unknown): CommandReply<T> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}

export function isCommandReply(value: unknown): value is CommandReply<unknown> {
  if (!value || typeof value !== 'object') return false;
  const reply = value as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };
  if (reply.ok === true) return 'data' in reply;
  return reply.ok === false && typeof reply.error?.code === 'string' && typeof reply.error?.message === 'string';
}

/** HTTP status the gateway answers for a command error code. */
export function httpStatusOf(code: CommandErrorCode): number {
  const statuses: Record<string, number> = {
    VALIDATION_FAILED: 400,
    UNAUTHORIZED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
    UNPROCESSABLE: 422,
    UNAVAILABLE: 503,
  };
  return statuses[code] ?? 500;
}

export function validationDetails(errors: ValidationError[], prefix = ''): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ path, message });
    if (error.children?.length) out.push(...validationDetails(error.children, path));
  }
  return out;
}
