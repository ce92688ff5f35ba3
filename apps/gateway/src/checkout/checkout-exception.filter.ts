import { Catch } from '@nestjs/common';
import type { ApiProblem } from '../api-errors/api-problem';
import { FamilyExceptionFilter, type RenderedError } from '../api-errors/family-exception-filter';

/** Checkout family (`/api/order/*`): `{ error, details: [{ field, message }] }`. */
@Catch()
export class CheckoutExceptionFilter extends FamilyExceptionFilter {
  protected render(problem: ApiProblem): RenderedError {
    return { status: problem.status, body: { error: problem.message, details: problem.fields } };
  }
}
