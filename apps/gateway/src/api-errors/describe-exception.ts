import { HttpException, HttpStatus } from '@nestjs/common';
import { CommandErrorCodes, httpStatusOf } from '@order-platform/contracts';
import type { ApiProblem, FieldProblem } from './api-problem';
import { CommandFailedError, CommandUnavailableError } from './command-failed.error';
import { RequestValidationError } from './request-validation.error';

const CODE_BY_STATUS: Record<number, string> = {
  400: CommandErrorCodes.ValidationFailed,
  401: CommandErrorCodes.Unauthorized,
  403: CommandErrorCodes.Forbidden,
  404: CommandErrorCodes.NotFound,
  409: CommandErrorCodes.Conflict,
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: CommandErrorCodes.Unprocessable,
  429: 'TOO_MANY_REQUESTS',
  503: CommandErrorCodes.Unavailable,
};

/**
 * Maps any exception to an ApiProblem. Unknown errors become a generic 500 whose message
 * never includes the original text or stack (those go to the log only).
 */
export function describeException(exception: unknown): ApiProblem {
  if (exception instanceof RequestValidationError) {
    return { status: 400, code: CommandErrorCodes.ValidationFailed, message: 'Request validation failed', fields: exception.fields };
  }
  if (exception instanceof CommandFailedError) {
    const { code, message, details } = exception.error;
    return { status: httpStatusOf(code), code, message, fields: fieldsFromDetails(details) };
  }
  if (exception instanceof CommandUnavailableError) {
    return { status: 503, code: CommandErrorCodes.Unavailable, message: 'Service temporarily unavailable, please retry', fields: [] };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { status, code: CODE_BY_STATUS[status] ?? `HTTP_${status}`, message: httpMessage(exception), fields: [] };
  }
  if (isClientError(exception)) {
    // Fastify's own errors for bad input (malformed JSON, wrong content type) carry a 4xx.
    return {
      status: exception.statusCode,
      code: CODE_BY_STATUS[exception.statusCode] ?? `HTTP_${exception.statusCode}`,
      message: exception.message,
      fields: [],
    };
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, code: CommandErrorCodes.Internal, message: 'Internal server error', fields: [] };
}

function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

function isClientError(value: unknown): value is { statusCode: number; message: string } {
  const candidate = value as { statusCode?: unknown; message?: unknown } | null;
  return (
    typeof candidate?.statusCode === 'number' &&
    candidate.statusCode >= 400 &&
    candidate.statusCode < 500 &&
    typeof candidate.message === 'string'
  );
}

/** Command replies list bad fields as `{ path, message }`; the APIs call them fields. */
function fieldsFromDetails(details: unknown): FieldProblem[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((entry: unknown) => {
    const item = entry as { path?: unknown; field?: unknown; message?: unknown };
    const field = typeof item.field === 'string' ? item.field : typeof item.path === 'string' ? item.path : undefined;
    return field && typeof item.message === 'string' ? [{ field: toBracketPath(field), message: item.message }] : [];
  });
}

function toBracketPath(path: string): string {
  return path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}
