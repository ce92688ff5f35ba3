import { type ArgumentsHost, Catch } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ApiProblem } from '../api-errors/api-problem';
import { CommandFailedError } from '../api-errors/command-failed.error';
import { AppAuthError } from '../auth/app-identity';
import { httpStatusOf } from '@order-platform/contracts';
import { FamilyExceptionFilter, type RenderedError } from '../api-errors/family-exception-filter';

/** Customer-app family (`/orders*`): `{ errorKey, message }`; bad fields are named in the message. */
@Catch()
export class CustomerAppExceptionFilter extends FamilyExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const keyed = keyedError(exception);
    if (!keyed) return super.catch(exception, host);
    void host.switchToHttp().getResponse<FastifyReply>().status(keyed.status).send({ errorKey: keyed.errorKey, message: keyed.message });
  }

  protected render(problem: ApiProblem): RenderedError {
    const fieldText = problem.fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return {
      status: problem.status,
      body: {
        errorKey: problem.code.toLowerCase(),
        message: fieldText ? `${problem.message}: ${fieldText}` : problem.message,
      },
    };
  }
}

/** Errors that already speak this family's language: auth errors and service replies carrying an errorKey. */
function keyedError(exception: unknown): { status: number; errorKey: string; message: string } | undefined {
  if (exception instanceof AppAuthError) return { status: exception.status, errorKey: exception.errorKey, message: exception.message };
  if (exception instanceof CommandFailedError) {
    const details = exception.error.details as { errorKey?: unknown } | undefined;
    if (details && typeof details.errorKey === 'string') {
      return { status: httpStatusOf(exception.error.code), errorKey: details.errorKey, message: exception.error.message };
    }
  }
  return undefined;
}

