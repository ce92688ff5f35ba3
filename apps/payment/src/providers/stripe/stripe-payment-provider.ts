import Stripe from 'stripe';
import { assertValidChargeRequest, assertValidRefundRequest } from '../charge-request.validator';
import type {
  CardBrand,
  ChargeRequest,
  ChargeResult,
  MaskedCard,
  PaymentProvider,
  RefundRequest,
  RefundResult,
} from '../payment-provider';
import { TransientPaymentError } from '../payment-errors';
import { fromStripeAmount, toStripeAmount } from './stripe-amount.util';
import { chargeDeclineFromStripeError, refundFailureFromStripeError } from './stripe-error.mapper';

export interface StripePaymentProviderOptions {
  apiKey: string;
  /** e.g. `http://127.0.0.1:12111` for a local stand-in or a proxy; absent = api.stripe.com. */
  apiBase?: string;
  timeoutMs?: number;
  /** The payment service owns retries (with the same key), so the SDK's default is 0. */
  maxNetworkRetries?: number;
}

const STRIPE_API_VERSION = '2025-02-24.acacia' as const;
const KNOWN_BRANDS: readonly CardBrand[] = ['visa', 'mastercard', 'amex', 'discover', 'diners', 'jcb', 'unionpay'];

/** Charges through PaymentIntents (create + confirm in one call); every call carries the caller's key. */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe';
  private readonly stripe: Stripe;

  constructor(options: StripePaymentProviderOptions) {
    this.stripe = new Stripe(options.apiKey, {
      apiVersion: STRIPE_API_VERSION,
      maxNetworkRetries: options.maxNetworkRetries ?? 0,
      timeout: options.timeoutMs ?? 30_000,
      telemetry: false,
      ...apiBaseSettings(options.apiBase),
    });
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    assertValidChargeRequest(request);
    const method = request.paymentMethod;
    const params: Stripe.PaymentIntentCreateParams = {
      amount: toStripeAmount(request.amountMinor, request.currency),
      currency: request.currency.toLowerCase(),
      confirm: true,
      // Cards only: no redirect-based methods, so no return_url is needed server-side.
      payment_method_types: ['card'],
      payment_method: method.type === 'token' ? method.token : method.reference,
      metadata: { ...request.metadata, customer_id: request.customerId },
      expand: ['latest_charge'],
    };
    if (request.description) params.description = request.description;
    if (method.type === 'card_on_file' && method.providerCustomerId) {
      params.customer = method.providerCustomerId;
      // A saved card charged without the customer present (merchant-initiated).
      params.off_session = true;
    }

    let intent: Stripe.PaymentIntent;
    try {
      intent = await this.stripe.paymentIntents.create(params, { idempotencyKey: request.idempotencyKey });
    } catch (error) {
      return chargeDeclineFromStripeError(error);
    }
    return chargeResultFromIntent(intent);
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    assertValidRefundRequest(request);
    const params: Stripe.RefundCreateParams = request.providerChargeId.startsWith('ch_')
      ? { charge: request.providerChargeId }
      : { payment_intent: request.providerChargeId };
    if (request.amountMinor !== undefined && request.currency) {
      params.amount = toStripeAmount(request.amountMinor, request.currency);
    }

    let refund: Stripe.Refund;
    try {
      refund = await this.stripe.refunds.create(params, { idempotencyKey: request.idempotencyKey });
    } catch (error) {
      return refundFailureFromStripeError(error);
    }
    if (refund.status === 'failed' || refund.status === 'canceled') {
      return { status: 'failed', reason: 'rejected', message: `Refund ${refund.id} ${refund.status}: ${refund.failure_reason ?? 'no reason given'}` };
    }
    return { status: 'succeeded', providerRefundId: refund.id, amountMinor: fromStripeAmount(refund.amount, refund.currency), currency: refund.currency.toUpperCase() };
  }
}

function chargeResultFromIntent(intent: Stripe.PaymentIntent): ChargeResult {
  switch (intent.status) {
    case 'succeeded':
      return {
        status: 'succeeded',
        providerChargeId: intent.id,
        amountMinor: fromStripeAmount(intent.amount_received || intent.amount, intent.currency),
        currency: intent.currency.toUpperCase(),
        card: maskedCardFrom(intent.latest_charge),
      };
    case 'requires_action':
      // 3-D Secure needs the customer in the loop, which a back-end charge cannot provide.
      return {
        status: 'declined',
        reason: 'authentication_required',
        message: 'The card requires customer authentication.',
        providerChargeId: intent.id,
      };
    case 'processing':
      // Not final yet (rare for cards): report the outcome as unknown rather than guess.
      throw new TransientPaymentError(`PaymentIntent ${intent.id} is still processing`, 'processing');
    default:
      return {
        status: 'declined',
        reason: 'card_declined',
        message: intent.last_payment_error?.message ?? `PaymentIntent ${intent.id} ended in status ${intent.status}`,
        providerChargeId: intent.id,
      };
  }
}

function maskedCardFrom(latestCharge: string | Stripe.Charge | null): MaskedCard | null {
  if (!latestCharge || typeof latestCharge === 'string') return null;
  const card = latestCharge.payment_method_details?.card;
  if (!card || !card.last4 || card.exp_month == null || card.exp_year == null) return null;
  const brand = (KNOWN_BRANDS as readonly string[]).includes(card.brand ?? '') ? (card.brand as CardBrand) : 'unknown';
  return {
    brand,
    first6: card.iin ? card.iin.slice(0, 6) : null,
    last4: card.last4,
    expMonth: card.exp_month,
    expYear: card.exp_year,
    holderName: latestCharge.billing_details?.name ?? null,
  };
}

function apiBaseSettings(apiBase: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiBase) return {};
  const url = new URL(apiBase);
  const protocol = url.protocol.replace(':', '');
  if (protocol !== 'http' && protocol !== 'https') throw new Error(`Stripe API base must be http(s): ${apiBase}`);
  return {
    host: url.hostname,
    port: url.port || (protocol === 'https' ? 443 : 80),
    protocol,
  };
}
