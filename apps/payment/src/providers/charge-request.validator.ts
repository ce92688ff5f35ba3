import { PaymentRequestError } from './payment-errors';
import type { ChargeRequest, RefundRequest } from './payment-provider';

const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

// Both providers refuse the same malformed requests before any network or state change.
export function assertValidChargeRequest(request: ChargeRequest): void {
  assertIdempotencyKey(request.idempotencyKey);
  assertPositiveMinorAmount(request.amountMinor, 'amountMinor');
  assertCurrency(request.currency);
  if (!request.customerId) {
    throw new PaymentRequestError('customerId is required', 'invalid_customer');
  }
}

export function assertValidRefundRequest(request: RefundRequest): void {
  assertIdempotencyKey(request.idempotencyKey);
  if (!request.providerChargeId) {
    throw new PaymentRequestError('providerChargeId is required', 'invalid_charge');
  }
  if (request.amountMinor !== undefined) {
    assertPositiveMinorAmount(request.amountMinor, 'amountMinor');
    if (!request.currency) throw new PaymentRequestError('currency is required with amountMinor', 'invalid_currency');
  }
  if (request.currency !== undefined) assertCurrency(request.currency);
}

function assertCurrency(currency: string): void {
  if (!/^[A-Za-z]{3}$/.test(currency)) {
    throw new PaymentRequestError(`currency must be a 3-letter ISO 4217 code, got "${currency}"`, 'invalid_currency');
  }
}

function assertIdempotencyKey(key: string): void {
  if (!key || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw new PaymentRequestError(
      `idempotencyKey must be 1..${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
      'invalid_idempotency_key',
    );
  }
}

function assertPositiveMinorAmount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new PaymentRequestError(`${field} must be a positive integer in minor units, got ${value}`, 'invalid_amount');
  }
}
