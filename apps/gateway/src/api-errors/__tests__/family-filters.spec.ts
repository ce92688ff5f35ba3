import { type ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { CheckoutExceptionFilter } from '../../checkout/checkout-exception.filter';
import { CustomerAppExceptionFilter } from '../../customer-app/customer-app-exception.filter';
import { StoreExceptionFilter } from '../../store/store-exception.filter';
import { WholesaleExceptionFilter } from '../../wholesale/wholesale-exception.filter';
import { ApiFamilyRouterFilter } from '../api-family-router.filter';
import { CommandFailedError, CommandUnavailableError } from '../command-failed.error';
import type { FamilyExceptionFilter } from '../family-exception-filter';
import { RequestValidationError } from '../request-validation.error';

/** Runs a filter against a fake Fastify reply and returns what it would send. */
function renderWith(filter: FamilyExceptionFilter, exception: unknown): { status: number; body: unknown } {
  const sent: { status: number; body: unknown } = { status: 0, body: undefined };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  filter.catch(exception, host);
  return sent;
}

const badInput = new RequestValidationError([
  { field: 'customerId', message: 'must be a string' },
  { field: 'items[0].quantity', message: 'must not be less than 1' },
  { field: 'items[0].quantity', message: 'must be an integer number' },
]);

describe('API family exception filters', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('checkout renders { error, details[] } with 400', () => {
    expect(renderWith(new CheckoutExceptionFilter(), badInput)).toEqual({
      status: 400,
      body: {
        error: 'Request validation failed',
        details: [
          { field: 'customerId', message: 'must be a string' },
          { field: 'items[0].quantity', message: 'must not be less than 1' },
          { field: 'items[0].quantity', message: 'must be an integer number' },
        ],
      },
    });
  });

  it('customer-app renders { errorKey, message } naming the fields', () => {
    const { status, body } = renderWith(new CustomerAppExceptionFilter(), badInput);
    expect(status).toBe(400);
    expect(body).toEqual({
      errorKey: 'validation_failed',
      message: expect.stringContaining('customerId: must be a string'),
    });
    expect((body as { message: string }).message).toContain('items[0].quantity');
  });

  it('store renders { error_message, error_code, errors: { field: message } }', () => {
    expect(renderWith(new StoreExceptionFilter(), badInput)).toEqual({
      status: 400,
      body: {
        error_message: 'Request validation failed',
        error_code: 'VALIDATION_FAILED',
        errors: {
          customerId: 'must be a string',
          'items[0].quantity': 'must not be less than 1; must be an integer number',
        },
      },
    });
  });

  it('wholesale renders { message, errors: { field: [messages] } } with 422', () => {
    expect(renderWith(new WholesaleExceptionFilter(), badInput)).toEqual({
      status: 422,
      body: {
        message: 'Request validation failed',
        errors: {
          customerId: ['must be a string'],
          'items[0].quantity': ['must not be less than 1', 'must be an integer number'],
        },
      },
    });
  });

  it('maps a command validation reply to 400 naming the field', () => {
    const failure = new CommandFailedError({
      code: 'VALIDATION_FAILED',
      message: 'unknown product',
      details: [{ path: 'items.0.productId', message: 'unknown product 999' }],
    });
    expect(renderWith(new CheckoutExceptionFilter(), failure)).toEqual({
      status: 400,
      body: { error: 'unknown product', details: [{ field: 'items[0].productId', message: 'unknown product 999' }] },
    });
  });

  it('answers 503 when the owning service does not reply', () => {
    const { status } = renderWith(new CheckoutExceptionFilter(), new CommandUnavailableError('cart.submit-cart', new Error('Timeout')));
    expect(status).toBe(503);
  });

  it('keeps HTTP exceptions and statuses', () => {
    expect(renderWith(new StoreExceptionFilter(), new NotFoundException('order 7 not found'))).toEqual({
      status: 404,
      body: { error_message: 'order 7 not found', error_code: 'NOT_FOUND', errors: {} },
    });
  });

  it('treats Fastify client errors (malformed JSON) as 4xx, not 500', () => {
    const parseError = Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 });
    expect(renderWith(new CheckoutExceptionFilter(), parseError).status).toBe(400);
  });

  it('never leaks an unknown error message or stack', () => {
    const { status, body } = renderWith(new CheckoutExceptionFilter(), new Error('password=secret at db.ts:12'));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('secret');
    expect(body).toEqual({ error: 'Internal server error', details: [] });
  });
});

describe('CommandFailedError.withFieldAliases', () => {
  it('renames command fields to the API field names', () => {
    const failure = new CommandFailedError({
      code: 'VALIDATION_FAILED',
      message: 'cart does not match the catalog',
      details: [{ path: 'items.1.unitPriceMinor', message: 'price does not match the catalog price 50.00' }],
    }).withFieldAliases({ unitPriceMinor: 'price' });
    expect(failure.error.details).toEqual([{ path: 'items.1.price', message: 'price does not match the catalog price 50.00' }]);
  });
});

describe('ApiFamilyRouterFilter (errors raised before a controller runs)', () => {
  function routeError(url: string, exception: unknown): { status: number; body: unknown } {
    const sent: { status: number; body: unknown } = { status: 0, body: undefined };
    const reply = {
      status(code: number) {
        sent.status = code;
        return reply;
      },
      send(body: unknown) {
        sent.body = body;
        return reply;
      },
    };
    const host = { switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ url }) }) } as unknown as ArgumentsHost;
    new ApiFamilyRouterFilter().catch(exception, host);
    return sent;
  }

  it('renders each family in its own format by URL prefix', () => {
    const parseError = Object.assign(new Error('Body is not valid JSON'), { statusCode: 400 });
    expect(routeError('/api/order/cart.json', parseError).body).toEqual({ error: 'Body is not valid JSON', details: [] });
    expect(routeError('/orders/17', parseError).body).toEqual({ errorKey: 'validation_failed', message: 'Body is not valid JSON' });
    expect(routeError('/api/store/orders/paid', parseError).body).toMatchObject({ error_code: 'VALIDATION_FAILED' });
    expect(routeError('/apis/customer/orders', badInput).status).toBe(422);
  });

  it('answers other paths with a plain status and message', () => {
    expect(routeError('/nowhere', new NotFoundException('Cannot GET /nowhere'))).toEqual({
      status: 404,
      body: { statusCode: 404, message: 'Cannot GET /nowhere' },
    });
  });
});
