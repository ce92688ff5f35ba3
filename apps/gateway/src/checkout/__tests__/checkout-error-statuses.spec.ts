import { type ArgumentsHost, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { CommandFailedError } from '../../api-errors/command-failed.error';
import { CheckoutExceptionFilter } from '../checkout-exception.filter';
import { INVOICE_FIELD_ALIASES } from '../issue-invoice/invoice.presenter';

function render(exception: unknown): { status: number; body: unknown } {
  const sent = { status: 0, body: undefined as unknown };
  const reply = {
    status: (code: number) => ((sent.status = code), reply),
    send: (body: unknown) => ((sent.body = body), reply),
  };
  new CheckoutExceptionFilter().catch(exception, { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost);
  return sent;
}

describe('checkout error statuses', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('maps NOT_FOUND to 404 and CONFLICT to 409 in the { error, details } shape', () => {
    expect(render(new CommandFailedError({ code: 'NOT_FOUND', message: 'Invoice 789 not found' }))).toEqual({
      status: 404,
      body: { error: 'Invoice 789 not found', details: [] },
    });
    expect(render(new CommandFailedError({ code: 'CONFLICT', message: 'Order 456 has not been paid' }))).toEqual({
      status: 409,
      body: { error: 'Order 456 has not been paid', details: [] },
    });
  });

  it("names the API's fields in a service's validation errors", () => {
    const failed = new CommandFailedError({
      code: 'VALIDATION_FAILED',
      message: 'totals contradict the order',
      details: [
        { path: 'totalMinor', message: 'order total is 200.00' },
        { path: 'items.1.unitPriceMinor', message: 'unknown product' },
        { path: 'shippingAddress', message: 'should not be empty' },
      ],
    }).withFieldAliases(INVOICE_FIELD_ALIASES);
    expect(render(failed)).toEqual({
      status: 400,
      body: {
        error: 'totals contradict the order',
        details: [
          { field: 'totalAmount', message: 'order total is 200.00' },
          { field: 'items[1].price', message: 'unknown product' },
          { field: 'shipping_address', message: 'should not be empty' },
        ],
      },
    });
  });

  it('answers a declined payment with 402', () => {
    expect(render(new HttpException('Payment declined', HttpStatus.PAYMENT_REQUIRED))).toEqual({
      status: 402,
      body: { error: 'Payment declined', details: [] },
    });
  });
});
