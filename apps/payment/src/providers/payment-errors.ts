/**
 * The outcome of a provider call is unknown or the provider is briefly unavailable.
 * Retrying with the SAME idempotency key is safe: the provider answers with the first result.
 */
export class TransientPaymentError extends Error {
  override readonly name = 'TransientPaymentError';
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The request itself is wrong (bad amount, reused key with other parameters, bad API key): do not retry. */
export class PaymentRequestError extends Error {
  override readonly name = 'PaymentRequestError';
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
