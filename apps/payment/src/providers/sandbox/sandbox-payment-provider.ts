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
import { InMemorySandboxLedger } from './in-memory-sandbox-ledger';
import { compactId, SandboxCardVault, type RawCard, type ResolvedPaymentMethod } from './sandbox-card-vault';
import { SandboxFaultInjector, type FaultOperation, type FaultPlan } from './sandbox-fault-injector';
import type { SandboxCharge, SandboxLedger, SandboxLedgerWrites } from './sandbox-ledger';

export type { SandboxCharge } from './sandbox-ledger';

export interface SandboxPaymentProviderOptions {
  now?: () => Date;
  /** Where the provider side keeps its records; in memory when absent (unit tests). */
  ledger?: SandboxLedger;
}

/**
 * A provider that behaves like Stripe's test mode, for development, demos and tests. Its
 * records (vaulted cards, charges, refunds, idempotency keys) live in a SandboxLedger: in
 * PostgreSQL in the running service, so a retry or a refund after a payment restart finds
 * what the provider did before, as it would at Stripe.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';
  readonly vault: SandboxCardVault;
  private readonly now: () => Date;
  private readonly ledger: SandboxLedger;
  private readonly faults = new SandboxFaultInjector();

  constructor(options: SandboxPaymentProviderOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.ledger = options.ledger ?? new InMemorySandboxLedger();
    this.vault = new SandboxCardVault(this.ledger, this.now);
  }

  tokenizeCard(card: RawCard): Promise<{ token: string; card: MaskedCard }> {
    return this.vault.tokenize(card);
  }

  saveCardOnFile(customerId: string, card: RawCard): Promise<{ reference: string; card: MaskedCard }> {
    return this.vault.saveCardOnFile(customerId, card);
  }

  /** After the service's own hooks (the reconciler, the consumers) have let in-flight charges finish. */
  async onApplicationShutdown(): Promise<void> {
    await this.ledger.close?.();
  }

  /** Makes the next matching calls of this instance fail with a TransientPaymentError (see FaultPhase). */
  injectTransientFaults(plan: FaultPlan): void {
    this.faults.add(plan);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Every charge in the ledger, whichever instance made it. */
  listCharges(): Promise<SandboxCharge[]> {
    return this.ledger.listCharges();
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
    const result = await unknownOutcomeOnLedgerFailure('charge', async () => {
      const resolved = await this.vault.resolve(request.paymentMethod, request.customerId);
      return this.ledger.answerOnce('charge', request.idempotencyKey, fingerprint, (writes) => this.execute(request, resolved, writes));
    });
    this.faults.trip('charge', 'after');
    return result;
  }

  async refund(request: RefundRequest): Promise<RefundResult> {
    assertValidRefundRequest(request);
    this.faults.trip('refund', 'before');
    const fingerprint = JSON.stringify([request.providerChargeId, request.amountMinor ?? null, request.currency?.toUpperCase() ?? null]);
    const result = await unknownOutcomeOnLedgerFailure('refund', () =>
      this.ledger.answerOnce('refund', request.idempotencyKey, fingerprint, (writes) => this.executeRefund(request, writes)),
    );
    this.faults.trip('refund', 'after');
    return result;
  }

  // The card is looked up before the ledger's transaction: a vaulted card never changes.
  private async execute(request: ChargeRequest, resolved: ResolvedPaymentMethod, writes: SandboxLedgerWrites): Promise<ChargeResult> {
    if (!resolved.found) return { status: 'declined', reason: 'invalid_payment_method', message: resolved.message };
    const { card, behaviour } = resolved.vaulted;

    // Unknown outcome is not recorded, so a retry with the same key tries again.
    if (behaviour.outcome === 'transient') throw new TransientPaymentError(behaviour.message, 'processing_error');
    if (behaviour.outcome === 'decline') return { status: 'declined', reason: behaviour.reason, message: behaviour.message };
    if (this.isExpired(card)) return { status: 'declined', reason: 'expired_card', message: 'Your card has expired.' };

    const charge: SandboxCharge = {
      providerChargeId: `ch_sandbox_${compactId()}`,
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
    await writes.insertCharge(charge);
    return {
      status: 'succeeded',
      providerChargeId: charge.providerChargeId,
      amountMinor: charge.amountMinor,
      currency: charge.currency,
      card: { ...card },
    };
  }

  private async executeRefund(request: RefundRequest, writes: SandboxLedgerWrites): Promise<RefundResult> {
    const charge = await writes.chargeForRefund(request.providerChargeId);
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
    const providerRefundId = `re_sandbox_${compactId()}`;
    await writes.insertRefund({
      providerRefundId,
      providerChargeId: charge.providerChargeId,
      idempotencyKey: request.idempotencyKey,
      amountMinor,
      currency: charge.currency,
      createdAt: this.now(),
    });
    return { status: 'succeeded', providerRefundId, amountMinor, currency: charge.currency };
  }

  private isExpired(card: MaskedCard): boolean {
    const now = this.now();
    const year = now.getUTCFullYear();
    const month = now.getUTCMonth() + 1;
    return card.expYear < year || (card.expYear === year && card.expMonth < month);
  }
}

/**
 * The provider's own store failing (database unreachable, connection lost mid-commit) is a
 * provider 5xx to the caller: outcome unknown, retry with the same key.
 */
async function unknownOutcomeOnLedgerFailure<T>(operation: FaultOperation, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PaymentRequestError || error instanceof TransientPaymentError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new TransientPaymentError(`Sandbox ${operation} failed at the provider: ${reason}`, 'api_error', { cause: error });
  }
}
