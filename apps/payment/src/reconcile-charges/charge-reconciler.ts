import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { runWithCorrelationId } from '@order-platform/messaging';
import { MetricsService } from '@order-platform/service-kit';
import type { Counter } from 'prom-client';
import type { DataSource, EntityManager } from 'typeorm';
import { ChargeInvoiceService } from '../charges/charge-invoice.service';
import type { ChargeRecord } from '../charges/charge.entity';
import { TransientPaymentError } from '../providers';
import { RefundRecord } from '../refund-charge/refund.entity';
import { RECONCILE_CHARGES_OPTIONS, type ReconcileChargesOptions } from './reconcile-charges.options';
import { reconcileRetryDelayMs } from './reconcile-retry-delay.util';

/**
 * What one try did: settled (`succeeded`, `declined`; `refunded` / `refund_failed` when the
 * order was cancelled meanwhile), or not (`still_attempting` after a TransientPaymentError,
 * `failed` after any other error); the last two leave the charge for a later sweep.
 */
export type ReconcileOutcome = 'succeeded' | 'declined' | 'refunded' | 'refund_failed' | 'still_attempting' | 'failed';

export interface ReconciledCharge {
  invoiceId: string;
  orderId: string;
  outcome: ReconcileOutcome;
  /** Settle attempts on the charge so far, this one included (the InvoiceCreated handler's too). */
  attempts: number;
  /** When the sweep may try again (unsettled only). */
  nextAttemptAt: Date | null;
}

interface StuckCharge {
  invoice_id: string;
  order_id: string;
  correlation_id: string;
}

type Claim = { status: 'none' } | { status: 'skipped' } | { status: 'tried'; stuck: StuckCharge; charge: ReconciledCharge; error?: unknown };

const SAVEPOINT = 'reconcile_charge';

/**
 * Settles charges left `attempting` (InvoiceCreated dead-lettered while the provider was down,
 * or a crash nobody redelivered) through ChargeInvoiceService.settle: the same idempotency
 * keys, so the provider answers with its first result, and the same refund of an order
 * cancelled meanwhile.
 *
 * One charge per transaction. The candidate's invoice projection row, the lock every charge
 * path takes, is claimed with FOR UPDATE SKIP LOCKED: a replica's sweep, or the event handler
 * or command settling the same invoice, is skipped rather than waited for, and two never call
 * the provider for one charge at once. A failed try rolls back to a savepoint and, in the same
 * transaction, counts the attempt and sets next_attempt_at (backoff); the charge stays
 * `attempting` for a later sweep.
 */
@Injectable()
export class ChargeReconciler {
  private readonly logger = new Logger(ChargeReconciler.name);
  private readonly reconciled: Counter<'outcome'>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charges: ChargeInvoiceService,
    @Inject(RECONCILE_CHARGES_OPTIONS) private readonly options: ReconcileChargesOptions,
    metrics: MetricsService,
  ) {
    this.reconciled = metrics.counter('charges_reconciled_total', 'Tries to settle a charge left attempting, by outcome', ['outcome']);
  }

  /**
   * Tries every charge that is stuck at `now` (older than afterMs, not backing off) once, until
   * none is left or `stopping()` says so. Returns what each try did.
   */
  async sweep(now: Date = new Date(), stopping: () => boolean = () => false): Promise<ReconciledCharge[]> {
    const tried: ReconciledCharge[] = [];
    while (!stopping()) {
      const claim = await this.dataSource.transaction((manager) => this.claimAndSettle(manager, now));
      if (claim.status === 'none') break;
      if (claim.status === 'skipped') continue;
      runWithCorrelationId(claim.stuck.correlation_id, () => this.report(claim.charge, claim.error));
      tried.push(claim.charge);
    }
    return tried;
  }

  private async claimAndSettle(manager: EntityManager, now: Date): Promise<Claim> {
    const [stuck]: StuckCharge[] = await manager.query(
      `SELECT c.invoice_id, c.order_id, p.correlation_id
         FROM charges c JOIN payable_invoices p ON p.invoice_id = c.invoice_id
        WHERE c.status = 'attempting' AND c.created_at <= $1 AND (c.next_attempt_at IS NULL OR c.next_attempt_at <= $2)
        ORDER BY c.created_at
        LIMIT 1
        FOR UPDATE OF p SKIP LOCKED`,
      [new Date(now.getTime() - this.options.afterMs), now],
    );
    if (!stuck) return { status: 'none' };
    // Read again under the lock: whoever held it before may have settled or rescheduled it.
    const [fresh]: Array<{ reconcile_attempts: number }> = await manager.query(
      `SELECT reconcile_attempts FROM charges WHERE invoice_id = $1 AND status = 'attempting' AND (next_attempt_at IS NULL OR next_attempt_at <= $2)`,
      [stuck.invoice_id, now],
    );
    if (!fresh) return { status: 'skipped' };

    return runWithCorrelationId(stuck.correlation_id, async (): Promise<Claim> => {
      await manager.query(`SAVEPOINT ${SAVEPOINT}`);
      try {
        const settled = await this.charges.settle(manager, stuck.invoice_id);
        await manager.query(`RELEASE SAVEPOINT ${SAVEPOINT}`);
        const attempts = await countTry(manager, stuck.invoice_id, null);
        return { status: 'tried', stuck, charge: { ...idsOf(stuck), outcome: await outcomeOf(manager, settled), attempts, nextAttemptAt: null } };
      } catch (error) {
        await manager.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
        const nextAttemptAt = new Date(now.getTime() + reconcileRetryDelayMs(fresh.reconcile_attempts + 1, this.options));
        const attempts = await countTry(manager, stuck.invoice_id, nextAttemptAt);
        const outcome: ReconcileOutcome = error instanceof TransientPaymentError ? 'still_attempting' : 'failed';
        return { status: 'tried', stuck, charge: { ...idsOf(stuck), outcome, attempts, nextAttemptAt }, error };
      }
    });
  }

  // After the commit: a line for a try that was rolled back would be false.
  private report(charge: ReconciledCharge, error: unknown): void {
    this.reconciled.inc({ outcome: charge.outcome });
    const { orderId, invoiceId, outcome, attempts, nextAttemptAt } = charge;
    if (outcome === 'still_attempting') {
      this.logger.warn({ orderId, invoiceId, outcome, attempts, nextAttemptAt, err: error }, 'charge left attempting could not be settled yet; tried again later');
    } else if (outcome === 'failed') {
      this.logger.error({ orderId, invoiceId, outcome, attempts, nextAttemptAt, err: error }, 'settling a charge left attempting failed; tried again later');
    } else {
      this.logger.log({ orderId, invoiceId, outcome, attempts }, `charge left attempting reconciled: ${outcome}`);
    }
  }
}

function idsOf(stuck: StuckCharge): Pick<ReconciledCharge, 'invoiceId' | 'orderId'> {
  return { invoiceId: stuck.invoice_id, orderId: stuck.order_id };
}

/** Counts the try on the charge (and, unsettled, schedules the next); returns its attempts. */
async function countTry(manager: EntityManager, invoiceId: string, nextAttemptAt: Date | null): Promise<number> {
  // An UPDATE answers [rows, rowCount] through TypeORM's query().
  const [[row]]: [Array<{ attempts: number }>, number] = await manager.query(
    `UPDATE charges SET attempts = attempts + 1, reconcile_attempts = reconcile_attempts + 1, next_attempt_at = $2
      WHERE invoice_id = $1 RETURNING attempts`,
    [invoiceId, nextAttemptAt],
  );
  return row.attempts;
}

/** The settle step refunds a charge captured after its order was cancelled: say so. */
async function outcomeOf(manager: EntityManager, charge: ChargeRecord): Promise<ReconcileOutcome> {
  if (charge.status !== 'succeeded') return 'declined';
  const refund = await manager.findOneBy(RefundRecord, { chargeTransactionId: charge.transactionId });
  if (!refund) return 'succeeded';
  return refund.status === 'succeeded' ? 'refunded' : 'refund_failed';
}
