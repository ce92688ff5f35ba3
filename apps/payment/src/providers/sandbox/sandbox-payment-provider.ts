import { randomUUID } from 'node:crypto';
import { assertValidChargeRequest, assertValidRefundRequest } from '../charge-request.validator';
import { PaymentRequestError, TransientPaymentError } from '../payment-errors';
import type {
  ChargeRequest,
  ChargeResult,
  MaskedCard,
  PaymentProvider,
  RefundRequest,
  RefundResult,
} from '../payment-provider';
import { SandboxCardVault, type RawCard } from './sandbox-card-vault';
import { SandboxFaultInjector, type FaultPlan } from './sandbox-fault-injector';

export interface SandboxPaymentProviderOptions {
  now?: () => Date;
}

/** What the sandbox "captured": masked card only, never the PAN. */
export interface SandboxCharge {
  providerChargeId: string;
  idempotencyKey: string;
  customerId: string;
  amountMinor: number;
  currency: string;
  refundedMinor: number;
  card: MaskedCard;
  description: string | null;
  metadata: Record<string, string>;
  createdAt: Date;
}

interface IdempotencyRecord<T> {
  fingerprint: string;
  result: T;
}

/**
 * An in-memory provider that behaves like Stripe's test mode, for development, demos and
 * tests. Idempotency records live only as long as the instance: the payment service keeps
 * its own durable charge records.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';
  readonly vault: SandboxCardVault;
  private readonly now: () => Date;
  private readonly faults = new SandboxFaultInjector();
  private readonly charges = new Map<string, SandboxCharge>();
  private readonly chargeResults = new Map<string, IdempotencyRecord<ChargeResult>>();
  private readonly refundResults = new Map<string, IdempotencyRecord<RefundResult>>();

  constructor(options: SandboxPaymentProviderOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.vault = new SandboxCardVault(this.now);
  }

  tokenizeCard(card: RawCard): { token: string; card: MaskedCard } {
    return this.vault.tokenize(card);
  }

  saveCardOnFile(customerId: string, card: RawCard): { reference: string; card: MaskedCard } {
    return this.vault.saveCardOnFile(customerId, card);
  }

  /** Makes the next matching calls fail with a TransientPaymentError (see FaultPhase). */
  injectTransientFaults(plan: FaultPlan): void {
    this.faults.add(plan);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  listCharges(): SandboxCharge[] {
    return [...this.charges.values()].map((c) => ({ ...c, card: { ...c.card }, metadata: { ...c.metadata } }));
  }

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    assertValidChargeRequest(request);
    this.faults.trip('charge', 'before');
    const fingerprint = JSON.stringify([
      request.amountMinor,
      request.currency.toUpperCase(),
      request.customerId,
      request.paymentMethod,
    ]);
    const result = replayOrRun(this.chargeResults, request.idempotencyKey, fingerprint, () => this.execute(request));
    this.faults.trip('charge', 'after');
    return result;
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    assertValidRefundRequest(request);
    this.faults.trip('refund', 'before');
    const fingerprint = JSON.stringify([request.providerChargeId, request.amountMinor ?? null, request.currency?.toUpperCase() ?? null]);
    const result = replayOrRun(this.refundResults, request.idempotencyKey, fingerprint, () => this.executeRefund(request));
    this.faults.trip('refund', 'after');
    return result;
  }

  private execute(request: ChargeRequest): ChargeResult {
    const resolved = this.vault.resolve(request.paymentMethod, request.customerId);
    if (!resolved.found) return { status: 'declined', reason: 'invalid_payment_method', message: resolved.message };
    const { card, behaviour } = resolved.vaulted;

    // Unknown outcome is not recorded, so a retry with the same key tries again.
    if (behaviour.outcome === 'transient') throw new TransientPaymentError(behaviour.message, 'processing_error');
    if (behaviour.outcome === 'decline') return { status: 'declined', reason: behaviour.reason, message: behaviour.message };
    if (this.isExpired(card)) return { status: 'declined', reason: 'expired_card', message: 'Your card has expired.' };

    const charge: SandboxCharge = {
      providerChargeId: `ch_sandbox_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      idempotencyKey: request.idempotencyKey,
      customerId: request.customerId,
      amountMinor: request.amountMinor,
      currency: request.currency.toUpperCase(),
      refundedMinor: 0,
      card: { ...card },
      description: request.description ?? null,
      metadata: { ...request.metadata },
      createdAt: this.now(),
    };
    this.charges.set(charge.providerChargeId, charge);
    return {
      status: 'succeeded',
      providerChargeId: charge.providerChargeId,
      amountMinor: charge.amountMinor,
      currency: charge.currency,
      card: { ...card },
    };
  }

  private executeRefund(request: RefundRequest): RefundResult {
    const charge = this.charges.get(request.providerChargeId);
    if (!charge) {
      return { status: 'failed', reason: 'charge_not_found', message: `No such charge: ${request.providerChargeId}` };
    }
    if (request.currency && request.currency.toUpperCase() !== charge.currency) {
      throw new PaymentRequestError(`Charge ${charge.providerChargeId} is in ${charge.currency}, not ${request.currency}`, 'currency_mismatch');
    }
    const remaining = charge.amountMinor - charge.refundedMinor;
    if (remaining === 0) {
      return { status: 'failed', reason: 'already_refunded', message: `Charge ${charge.providerChargeId} is fully refunded` };
    }
    const amountMinor = request.amountMinor ?? remaining;
    if (amountMinor > remaining) {
      return {
        status: 'failed',
        reason: 'amount_exceeds_charge',
        message: `Refund of ${amountMinor} exceeds the ${remaining} left on charge ${charge.providerChargeId}`,
      };
    }
    charge.refundedMinor += amountMinor;
    return {
      status: 'succeeded',
      providerRefundId: `re_sandbox_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
      amountMinor,
      currency: charge.currency,
    };
  }

  private isExpired(card: MaskedCard): boolean {
    const now = this.now();
    const year = now.getUTCFullYear();
    const month = now.getUTCMonth() + 1;
    return card.expYear < year || (card.expYear === year && card.expMonth < month);
  }
}

function replayOrRun<T>(
  records: Map<string, IdempotencyRecord<T>>,
  key: string,
  fingerprint: string,
  run: () => T,
): T {
  const previous = records.get(key);
  if (previous) {
    // Same answer as Stripe: a key reused for a different request is a caller bug.
    if (previous.fingerprint !== fingerprint) {
      throw new PaymentRequestError(`Idempotency key ${key} was already used with different parameters`, 'idempotency_key_reused');
    }
    return structuredClone(previous.result);
  }
  const result = run();
  records.set(key, { fingerprint, result: structuredClone(result) });
  return result;
}
