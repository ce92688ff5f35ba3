import { Catch } from '@nestjs/common';
import type { ApiProblem } from '../api-errors/api-problem';
import { FamilyExceptionFilter, type RenderedError } from '../api-errors/family-exception-filter';

/**
 * Wholesale family (`/apis/customer/*`): `{ message, errors: { field: [messages] } }`;
 * invalid input is 422 here, as its clients expect.
 */
@Catch()
export class WholesaleExceptionFilter extends FamilyExceptionFilter {
  protected render(problem: ApiProblem): RenderedError {
    const errors: Record<string, string[]> = {};
    for (const { field, message } of problem.fields) (errors[field] ??= []).push(message);
    const status = problem.status === 400 && problem.code === 'VALIDATION_FAILED' ? 422 : problem.status;
    return { status, body: { message: problem.message, errors } };
  }
}
