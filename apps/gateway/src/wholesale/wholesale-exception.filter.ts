import { Catch } from '@nestjs/common';
import type { ApiProblem } from '../api-errors/api-problem';
import { FamilyExceptionFilter, type RenderedError } from '../api-errors/family-exception-filter';

/**
 * Wholesale family (`/apis/customer/*`): `{ message, errors: { field: [messages] } }`;
 * invalid input is 422 here, as its clients expect. Errors without fields (401, 404, 409)
 * are just `{ message }`.
 */
@Catch()
export class WholesaleExceptionFilter extends FamilyExceptionFilter {
  protected render(problem: ApiProblem): RenderedError {
    const errors: Record<string, string[]> = {};
    for (const { field, message } of problem.fields) (errors[field] ??= []).push(message);
    const invalidInput = problem.code === 'VALIDATION_FAILED' && (problem.status === 400 || problem.status === 422);
    const status = invalidInput ? 422 : problem.status;
    const body = invalidInput || problem.fields.length > 0 ? { message: problem.message, errors } : { message: problem.message };
    return { status, body };
  }
}
