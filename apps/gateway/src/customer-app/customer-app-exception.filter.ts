import { Catch } from '@nestjs/common';
import type { ApiProblem } from '../api-errors/api-problem';
import { FamilyExceptionFilter, type RenderedError } from '../api-errors/family-exception-filter';

/** Customer-app family (`/orders*`): `{ errorKey, message }`; bad fields are named in the message. */
@Catch()
export class CustomerAppExceptionFilter extends FamilyExceptionFilter {
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
