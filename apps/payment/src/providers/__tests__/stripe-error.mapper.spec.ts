import Stripe from 'stripe';
import { PaymentRequestError, TransientPaymentError } from '../payment-errors';
import { chargeDeclineFromStripeError, declineReasonFor, toProviderError } from '../stripe/stripe-error.mapper';

describe('Stripe error mapping', () => {
  it.each([
    ['card_declined', 'generic_decline', 'card_declined'],
    ['card_declined', 'insufficient_funds', 'insufficient_funds'],
    ['card_declined', 'lost_card', 'lost_card'],
    ['expired_card', undefined, 'expired_card'],
    ['incorrect_cvc', undefined, 'incorrect_cvc'],
    ['card_declined', 'do_not_honor', 'card_declined'],
  ])('code %s / decline_code %s -> %s', (code, declineCode, reason) => {
    expect(declineReasonFor(code, declineCode)).toBe(reason);
  });

  it('keeps the PaymentIntent id of a declined card error', () => {
    const error = new Stripe.errors.StripeCardError({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
      payment_intent: { id: 'pi_1' } as Stripe.PaymentIntent,
    });
    expect(chargeDeclineFromStripeError(error)).toEqual({
      status: 'declined',
      reason: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
      providerChargeId: 'pi_1',
    });
  });

  it.each([
    [new Stripe.errors.StripeConnectionError({ type: 'api_error', message: 'socket hang up' }), TransientPaymentError],
    [new Stripe.errors.StripeAPIError({ type: 'api_error', message: 'boom', statusCode: 500 }), TransientPaymentError],
    [new Stripe.errors.StripeRateLimitError({ type: 'rate_limit_error', message: 'slow down', statusCode: 429 }), TransientPaymentError],
    [new Stripe.errors.StripeIdempotencyError({ type: 'idempotency_error', message: 'conflict', statusCode: 409 }), TransientPaymentError],
    [new Stripe.errors.StripeIdempotencyError({ type: 'idempotency_error', message: 'reused key', statusCode: 400 }), PaymentRequestError],
    [new Stripe.errors.StripeAuthenticationError({ type: 'authentication_error', message: 'bad key', statusCode: 401 }), PaymentRequestError],
    [new Stripe.errors.StripeInvalidRequestError({ type: 'invalid_request_error', message: 'bad param', statusCode: 400 }), PaymentRequestError],
  ])('classifies %s', (error, expected) => {
    expect(toProviderError(error)).toBeInstanceOf(expected);
    expect(() => chargeDeclineFromStripeError(error)).toThrow(expected);
  });

  it('passes foreign errors through untouched', () => {
    const bug = new TypeError('x is undefined');
    expect(toProviderError(bug)).toBe(bug);
  });
});
