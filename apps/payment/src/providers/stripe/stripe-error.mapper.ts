import Stripe from 'stripe';
import { PaymentRequestError, TransientPaymentError } from '../payment-errors';
import type { ChargeDeclined, DeclineReason, RefundResult } from '../payment-provider';

// Stripe reports declines as 402 card errors: `code` says what kind, `decline_code` refines
// card_declined (https://docs.stripe.com/declines/codes).
const REASON_BY_CODE: Readonly<Record<string, DeclineReason>> = {
  insufficient_funds: 'insufficient_funds',
  expired_card: 'expired_card',
  incorrect_cvc: 'incorrect_cvc',
  invalid_cvc: 'incorrect_cvc',
  incorrect_number: 'incorrect_number',
  invalid_number: 'incorrect_number',
  lost_card: 'lost_card',
  stolen_card: 'stolen_card',
  authentication_required: 'authentication_required',
};

export function declineReasonFor(code: string | undefined, declineCode: string | undefined): DeclineReason {
  if (declineCode && REASON_BY_CODE[declineCode]) return REASON_BY_CODE[declineCode];
  if (code && REASON_BY_CODE[code]) return REASON_BY_CODE[code];
  return 'card_declined';
}

/** A decline becomes a result; anything else becomes a Transient- or PaymentRequestError. */
export function chargeDeclineFromStripeError(error: unknown): ChargeDeclined {
  if (error instanceof Stripe.errors.StripeCardError) {
    // processing_error is Stripe's "try again" card error: the outcome is not final.
    if (error.code === 'processing_error') {
      throw new TransientPaymentError(error.message, 'processing_error', { cause: error });
    }
    const declined: ChargeDeclined = {
      status: 'declined',
      reason: declineReasonFor(error.code, error.decline_code),
      message: error.message,
    };
    if (error.payment_intent?.id) declined.providerChargeId = error.payment_intent.id;
    return declined;
  }
  if (
    error instanceof Stripe.errors.StripeInvalidRequestError &&
    error.code === 'resource_missing' &&
    error.param === 'payment_method'
  ) {
    return { status: 'declined', reason: 'invalid_payment_method', message: error.message };
  }
  throw toProviderError(error);
}

export function refundFailureFromStripeError(error: unknown): Extract<RefundResult, { status: 'failed' }> {
  if (error instanceof Stripe.errors.StripeInvalidRequestError) {
    if (error.code === 'charge_already_refunded') {
      return { status: 'failed', reason: 'already_refunded', message: error.message };
    }
    if (error.code === 'resource_missing') {
      return { status: 'failed', reason: 'charge_not_found', message: error.message };
    }
    if (error.code === 'amount_too_large' || error.param === 'amount') {
      return { status: 'failed', reason: 'amount_exceeds_charge', message: error.message };
    }
  }
  throw toProviderError(error);
}

/** Classifies every non-decline failure: unknown outcome (retry same key) or caller error. */
export function toProviderError(error: unknown): Error {
  if (!(error instanceof Stripe.errors.StripeError)) return error instanceof Error ? error : new Error(String(error));
  if (error instanceof Stripe.errors.StripeConnectionError) {
    return new TransientPaymentError(error.message, 'connection_error', { cause: error });
  }
  if (error instanceof Stripe.errors.StripeRateLimitError) {
    return new TransientPaymentError(error.message, 'rate_limited', { cause: error });
  }
  // 409 is Stripe's "a request with this key is still in flight": retry later.
  if (error.statusCode === 409) {
    return new TransientPaymentError(error.message, 'request_in_flight', { cause: error });
  }
  if (error instanceof Stripe.errors.StripeIdempotencyError) {
    return new PaymentRequestError(error.message, 'idempotency_key_reused', { cause: error });
  }
  if (error instanceof Stripe.errors.StripeAPIError || (error.statusCode ?? 0) >= 500) {
    return new TransientPaymentError(error.message, 'provider_unavailable', { cause: error });
  }
  return new PaymentRequestError(error.message, error.code ?? error.type, { cause: error });
}
