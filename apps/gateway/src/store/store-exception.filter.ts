import { type ArgumentsHost, Catch } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ApiProblem } from '../api-errors/api-problem';
import { FamilyExceptionFilter, type RenderedError } from '../api-errors/family-exception-filter';
import { StoreAccessError, StoreOrderRefusedError } from './store-api.errors';

/**
 * Store / POS family (`/api/store/*`): `{ error_message, error_code, errors: { field: message } }`;
 * refused tokens and plain HTTP are `{ detail }` (401 / 403).
 */
@Catch()
export class StoreExceptionFilter extends FamilyExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof StoreAccessError) {
      void reply.status(exception.getStatus()).send({ detail: exception.detail });
      return;
    }
    if (exception instanceof StoreOrderRefusedError) {
      const { errorMessage, errorCode, field } = exception;
      void reply.status(400).send({ error_message: errorMessage, error_code: errorCode, errors: { [field]: errorMessage } });
      return;
    }
    super.catch(exception, host);
  }

  protected render(problem: ApiProblem): RenderedError {
    if (problem.status === 401 || problem.status === 403) return { status: problem.status, body: { detail: problem.message } };
    const errors: Record<string, string> = {};
    for (const { field, message } of problem.fields) errors[field] = errors[field] ? `${errors[field]}; ${message}` : message;
    return { status: problem.status, body: { error_message: problem.message, error_code: problem.code, errors } };
  }
}
