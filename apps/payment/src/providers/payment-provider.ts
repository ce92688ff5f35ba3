// The port the payment service charges through. Amounts are integer minor units with an
// ISO 4217 currency code; card data crosses this boundary only in masked form.
// (PaymentMethodRef, because the contracts' PaymentMethod already means card/cash/invoice/wallet.)

export type PaymentMethodRef =
  /** A provider-side token: a Stripe PaymentMethod id (`pm_...`), or a sandbox token. */
  | { type: 'token'; token: string }
  /** A card saved earlier for the customer; `providerCustomerId` is the provider's customer. */
  | { type: 'card_on_file'; reference: string; providerCustomerId?: string };

export interface ChargeRequest {
  /** Stable per payment attempt: a retry after a TransientPaymentError reuses it. */
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  customerId: string;
  paymentMethod: PaymentMethodRef;
  description?: string;
  metadata?: Record<string, string>;
}

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'diners' | 'jcb' | 'unionpay' | 'unknown';

export interface MaskedCard {
  brand: CardBrand;
  /** Issuer identification number; providers that do not disclose it leave it null. */
  first6: string | null;
  last4: string;
  expMonth: number;
  expYear: number;
  holderName: string | null;
}

export type DeclineReason =
  | 'card_declined'
  | 'insufficient_funds'
  | 'expired_card'
  | 'incorrect_cvc'
  | 'incorrect_number'
  | 'lost_card'
  | 'stolen_card'
  | 'authentication_required'
  | 'invalid_payment_method';

export interface ChargeSucceeded {
  status: 'succeeded';
  providerChargeId: string;
  amountMinor: number;
  currency: string;
  card: MaskedCard | null;
}

export interface ChargeDeclined {
  status: 'declined';
  reason: DeclineReason;
  message: string;
  /** Set when the provider recorded the failed attempt (useful for support look-ups). */
  providerChargeId?: string;
}

export type ChargeResult = ChargeSucceeded | ChargeDeclined;

export interface RefundRequest {
  idempotencyKey: string;
  providerChargeId: string;
  /** Absent = refund whatever remains of the charge. */
  amountMinor?: number;
  /** The charge's currency; required with amountMinor, since an amount means nothing without it. */
  currency?: string;
}

export type RefundFailureReason = 'charge_not_found' | 'already_refunded' | 'amount_exceeds_charge' | 'rejected';

export type RefundResult =
  | { status: 'succeeded'; providerRefundId: string; amountMinor: number; currency: string }
  | { status: 'failed'; reason: RefundFailureReason; message: string };

export interface PaymentProvider {
  /** Short provider name recorded with each charge, e.g. 'sandbox' or 'stripe'. */
  readonly name: string;
  /**
   * Resolves with the outcome; throws TransientPaymentError when the outcome is unknown
   * (time-out, connection loss, provider 5xx) and the caller should retry with the same key.
   */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  refund(request: RefundRequest): Promise<RefundResult>;
}
