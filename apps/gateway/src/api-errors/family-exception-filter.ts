import { type ArgumentsHost, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ApiProblem } from './api-problem';
import { describeException } from './describe-exception';

export interface RenderedError {
  status: number;
  body: unknown;
}

/**
 * Base of the per-family filters: describe the exception once, let the family render it.
 * Server errors are logged with their stack; clients never see it.
 */
export abstract class FamilyExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(this.constructor.name);

  protected abstract render(problem: ApiProblem): RenderedError;

  catch(exception: unknown, host: ArgumentsHost): void {
    const problem = describeException(exception);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, code: problem.code }, `request failed: ${problem.code}`);
    }
    const { status, body } = this.render(problem);
    void host.switchToHttp().getResponse<FastifyReply>().status(status).send(body);
  }
}
