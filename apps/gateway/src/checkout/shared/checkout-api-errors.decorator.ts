import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { CheckoutErrorView } from './checkout-error.view';

interface ErrorExamples {
  badRequest?: object;
  notFound?: object;
  conflict?: object;
}

/** Documents the checkout family's error responses, each with its example body. */
export function CheckoutApiErrors(examples: ErrorExamples = {}): MethodDecorator & ClassDecorator {
  const decorators = [
    ApiBadRequestResponse({
      description: 'Invalid input: every bad field is named',
      type: CheckoutErrorView,
      example: examples.badRequest ?? { error: 'Request validation failed', details: [{ field: 'items[0].quantity', message: 'must not be less than 1' }] },
    }),
    ApiServiceUnavailableResponse({ description: 'The owning service did not answer in time; retry', type: CheckoutErrorView }),
  ];
  if (examples.notFound) decorators.push(ApiNotFoundResponse({ description: 'Not found', type: CheckoutErrorView, example: examples.notFound }));
  if (examples.conflict) decorators.push(ApiConflictResponse({ description: 'Conflicts with the order state', type: CheckoutErrorView, example: examples.conflict }));
  return applyDecorators(...decorators);
}
