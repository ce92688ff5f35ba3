import { Catch } from '@nestjs/common';
import type { ApiProblem } from '../api-errors/api-problem';
import { FamilyExceptionFilter, type RenderedError } from '../api-errors/family-exception-filter';

/** Store / POS family (`/api/store/*`): `{ error_message, error_code, errors: { field: message } }`. */
@Catch()
export class StoreExceptionFilter extends FamilyExceptionFilter {
  protected render(problem: ApiProblem): RenderedError {
    const errors: Record<string, string> = {};
    for (const { field, message } of problem.fields) errors[field] = errors[field] ? `${errors[field]}; ${message}` : message;
    return { status: problem.status, body: { error_message: problem.message, error_code: problem.code, errors } };
  }
}
