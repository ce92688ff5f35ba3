import { createEvent, type OrderCancelledPayload, Topics, type TypedEvent } from '@order-platform/contracts';
import { sleep, waitFor } from '@order-platform/testing';
import { recordPayableInvoice } from '../src/invoices/record-payable-invoice';
import { type ChargeRequest, type ChargeResult, type FaultPhase, TransientPaymentError } from '../src/providers';
import { ChargeReconcileSchedule } from '../src/reconcile-charges/charge-reconcile-schedule';
import { ChargeReconciler, type ReconciledCharge } from '../src/reconcile-charges/charge-reconciler';
import * as events from './support/payment-events';
import { PaymentTestBed } from './support/payment-test-bed';

const HOUR = 3_600_000;

const invoiceCreated = (customerId = '8080') => events.invoiceCreated(customerId, {}, 'checkout');
const orderCancelled = (orderId: string, overrides: Partial<OrderCancelledPayload> = {}) => events.orderCancelled(orderId, overrides, 'cancel');

/**
 * Charges left `attempting` (InvoiceCreated dead-lettered while the provider was down, or an
 * answer lost and never retried) are settled by the reconciler's sweep. The service runs with
 * PAYMENT_RECONCILE_AFTER_MS of one hour, so its own periodic sweep leaves the charges of these
 * tests alone unless a test backdates one; the tests sweep "two hours later" themselves.
 */
describe('payment: reconciling charges left attempting (real PostgreSQL + Kafka-protocol broker + sandbox provider)', () => {
  let bed: PaymentTestBed;

  beforeAll(async () => {
    bed = await PaymentTestBed.start({
      env: { PAYMENT_RECONCILE_INTERVAL_MS: '200', PAYMENT_RECONCILE_AFTER_MS: String(HOUR) },
      topics: [`${Topics.InvoiceCreated}.dlq`],
    });
  }, 90_000);

  afterAll(() => bed?.stop(), 60_000);

  afterEach(() => {
    bed.sandbox.clearFaults();
    jest.restoreAllMocks();
  });

  const reconciler = () => bed.get(ChargeReconciler);

  const chargeOf = async (invoiceId: string) => (await bed.chargesFor(invoiceId))[0];
  const backdate = (invoiceId: string, ms: number) =>
    bed.sql.rows(`UPDATE $schema.charges SET created_at = created_at - make_interval(secs => $2) WHERE invoice_id = $1`, [invoiceId, ms / 1000]);

  /** Two hours from now: every charge claimed by these tests is older than PAYMENT_RECONCILE_AFTER_MS then. */
  const later = (ms = 2 * HOUR) => new Date(Date.now() + ms);
  const triesOf = (swept: ReconciledCharge[], invoiceId: string) => swept.filter((c) => c.invoiceId === invoiceId);
  const nextAttemptOf = (tried: ReconciledCharge | undefined): Date => {
    if (!tried?.nextAttemptAt) throw new Error(`no next attempt scheduled: ${JSON.stringify(tried)}`);
    return tried.nextAttemptAt;
  };

  /** A charge the provider could not settle: `before`, it never got the request; `after`, it charged and the answer was lost. */
  async function stuckCharge(phase: FaultPhase, customerId = '8080'): Promise<TypedEvent<'InvoiceCreated'>> {
    const invoice = invoiceCreated(customerId);
    await recordPayableInvoice(bed.dataSource(), invoice);
    bed.sandbox.injectTransientFaults({ times: 1, phase, operation: 'charge' });
    await expect(bed.charges().chargeInvoice(invoice.payload.invoiceId)).rejects.toBeInstanceOf(TransientPaymentError);
    expect(await chargeOf(invoice.payload.invoiceId)).toMatchObject({ status: 'attempting', attempts: 1 });
    return invoice;
  }

  it('an InvoiceCreated dead-lettered while the provider was down: once it is back, the sweep settles the charge with the same key, one charge, one PaymentProcessed', async () => {
    bed.sandbox.injectTransientFaults({ times: 1000, phase: 'before', operation: 'charge' });
    const invoice = invoiceCreated();
    const { orderId, invoiceId } = invoice.payload;
    await bed.publish(invoice);
    await waitFor(() => bed.eventsFor(`${Topics.InvoiceCreated}.dlq`, orderId)[0], {
      timeoutMs: 60_000,
      description: 'InvoiceCreated dead-lettered',
    });
    expect(await chargeOf(invoiceId)).toMatchObject({ status: 'attempting', attempts: 6, idempotency_key: `charge:${invoiceId}` });
    expect(await bed.providerChargesFor(invoiceId)).toHaveLength(0);
    bed.sandbox.clearFaults(); // the provider is back

    // Younger than PAYMENT_RECONCILE_AFTER_MS (the handler may still be retrying): left alone.
    expect(triesOf(await reconciler().sweep(new Date()), invoiceId)).toEqual([]);
    expect(await chargeOf(invoiceId)).toMatchObject({ status: 'attempting', attempts: 6 });

    const swept = await reconciler().sweep(later());
    expect(triesOf(swept, invoiceId)).toEqual([{ invoiceId, orderId, outcome: 'succeeded', attempts: 7, nextAttemptAt: null }]);
    const charge = await chargeOf(invoiceId);
    expect(charge).toMatchObject({ status: 'succeeded', attempts: 7, reconcile_attempts: 1 });
    expect(await bed.providerChargesFor(invoiceId)).toEqual([
      expect.objectContaining({ idempotencyKey: `charge:${invoiceId}`, providerChargeId: charge.provider_charge_id, amountMinor: 2400 }),
    ]);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed]);

    // Settled for good: another sweep, and the dead letter redriven, change nothing.
    expect(triesOf(await reconciler().sweep(later(3 * HOUR)), invoiceId)).toEqual([]);
    const redriven = createEvent(Topics.InvoiceCreated, invoice.payload, { correlationId: invoice.correlationId });
    await bed.publish(redriven);
    await bed.handled(redriven, { timeoutMs: 30_000, description: 'redriven InvoiceCreated handled' });
    expect(await bed.providerChargesFor(invoiceId)).toHaveLength(1);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed]);

    const metrics = await (await fetch(`${bed.service.url}/metrics`)).text();
    expect(metrics).toMatch(/^charges_reconciled_total\{[^}]*outcome="succeeded"[^}]*\} [1-9]/m);
  }, 120_000);

  it('two sweeps running at once on separate connections settle every stuck charge exactly once (lost answers replayed by key)', async () => {
    const invoices = [];
    for (let i = 0; i < 4; i += 1) invoices.push(await stuckCharge('after'));
    const ids = invoices.map((i) => i.payload.invoiceId);
    for (const invoiceId of ids) expect(await bed.providerChargesFor(invoiceId)).toHaveLength(1);

    // The provider holds its answers until both sweeps are inside a provider call: each holds a charge the other skipped.
    let release: () => void = () => undefined;
    const answersHeld = new Promise<void>((resolve) => (release = resolve));
    const inProvider = new Set<string>();
    const calls: ChargeRequest[] = [];
    const charge = bed.sandbox.charge.bind(bed.sandbox);
    jest.spyOn(bed.sandbox, 'charge').mockImplementation(async (request): Promise<ChargeResult> => {
      calls.push(request);
      inProvider.add(request.idempotencyKey);
      await answersHeld;
      return charge(request);
    });

    const sweeps = Promise.all([reconciler().sweep(later()), reconciler().sweep(later())]);
    try {
      await waitFor(() => inProvider.size >= 2, { timeoutMs: 20_000, description: 'both sweeps inside a provider call at once' });
    } finally {
      release();
    }
    const [first, second] = await sweeps;

    const ours = [...first, ...second].filter((c) => ids.includes(c.invoiceId));
    expect(ours.map((c) => c.invoiceId).sort()).toEqual([...ids].sort());
    expect(ours.every((c) => c.outcome === 'succeeded')).toBe(true);
    expect(first.filter((c) => ids.includes(c.invoiceId)).length).toBeGreaterThan(0);
    expect(second.filter((c) => ids.includes(c.invoiceId)).length).toBeGreaterThan(0);
    for (const invoice of invoices) {
      const { orderId, invoiceId } = invoice.payload;
      expect(calls.filter((c) => c.idempotencyKey === `charge:${invoiceId}`)).toHaveLength(1);
      const settled = await chargeOf(invoiceId);
      expect(settled).toMatchObject({ status: 'succeeded', attempts: 2 });
      // The key replayed: the provider answered with the charge it made when the answer was lost.
      expect(await bed.providerChargesFor(invoiceId)).toEqual([expect.objectContaining({ providerChargeId: settled.provider_charge_id })]);
      expect(await bed.outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed]);
    }
  }, 60_000);

  it('a charge younger than PAYMENT_RECONCILE_AFTER_MS is left alone', async () => {
    const { invoiceId, orderId } = (await stuckCharge('before')).payload;

    expect(triesOf(await reconciler().sweep(later(HOUR / 2)), invoiceId)).toEqual([]);
    expect(await chargeOf(invoiceId)).toMatchObject({ status: 'attempting', attempts: 1, reconcile_attempts: 0, next_attempt_at: null });
    expect(await bed.providerChargesFor(invoiceId)).toHaveLength(0);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([]);

    expect(triesOf(await reconciler().sweep(later()), invoiceId)).toEqual([expect.objectContaining({ outcome: 'succeeded' })]);
  });

  it("a cancelled order's stuck charge ends refunded, once", async () => {
    const { invoiceId, orderId } = (await stuckCharge('after')).payload;
    const cancelled = orderCancelled(orderId);
    expect(await bed.refunds().onOrderCancelled(cancelled)).toBe('refund_on_settle');

    const swept = await reconciler().sweep(later());
    expect(triesOf(swept, invoiceId)).toEqual([expect.objectContaining({ orderId, outcome: 'refunded' })]);
    const charge = await chargeOf(invoiceId);
    expect(charge).toMatchObject({ status: 'succeeded' });
    expect(await bed.refundsFor(orderId)).toEqual([
      expect.objectContaining({ status: 'succeeded', idempotency_key: `refund:${charge.transaction_id}`, cancellation_event_id: cancelled.id }),
    ]);
    expect(await bed.providerChargesFor(invoiceId)).toEqual([expect.objectContaining({ amountMinor: 2400, refundedMinor: 2400 })]);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed, Topics.PaymentRefunded]);

    // Nothing left to reconcile, and the charge path finds it final.
    expect(triesOf(await reconciler().sweep(later(3 * HOUR)), invoiceId)).toEqual([]);
    expect(await bed.charges().chargeInvoice(invoiceId)).toMatchObject({ status: 'succeeded' });
    expect(await bed.refundsFor(orderId)).toHaveLength(1);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed, Topics.PaymentRefunded]);
  });

  it('a provider still failing leaves the charge attempting, backing off until a later sweep settles it', async () => {
    const { invoiceId, orderId } = (await stuckCharge('before')).payload;
    bed.sandbox.injectTransientFaults({ times: 1000, phase: 'before', operation: 'charge' });

    const at = later();
    const [tried] = triesOf(await reconciler().sweep(at), invoiceId);
    expect(tried).toMatchObject({ outcome: 'still_attempting', attempts: 2 });
    const retryAt = nextAttemptOf(tried);
    expect(retryAt.getTime()).toBeGreaterThan(at.getTime());
    expect(await chargeOf(invoiceId)).toMatchObject({ status: 'attempting', attempts: 2, reconcile_attempts: 1, next_attempt_at: retryAt });
    expect(await bed.outboxTopicsFor(orderId)).toEqual([]);

    // Backing off: a sweep before next_attempt_at does not try it again.
    expect(triesOf(await reconciler().sweep(at), invoiceId)).toEqual([]);
    expect(await chargeOf(invoiceId)).toMatchObject({ attempts: 2, reconcile_attempts: 1 });

    // Still down at the next try: the wait grows.
    const [again] = triesOf(await reconciler().sweep(retryAt), invoiceId);
    expect(again).toMatchObject({ outcome: 'still_attempting', attempts: 3 });
    const retryAgainAt = nextAttemptOf(again);
    expect(retryAgainAt.getTime() - retryAt.getTime()).toBeGreaterThan(retryAt.getTime() - at.getTime());

    bed.sandbox.clearFaults();
    expect(triesOf(await reconciler().sweep(retryAgainAt), invoiceId)).toEqual([expect.objectContaining({ outcome: 'succeeded', attempts: 4 })]);
    expect(await bed.providerChargesFor(invoiceId)).toHaveLength(1);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed]);
  });

  it('the periodic sweep settles a charge stuck for longer than PAYMENT_RECONCILE_AFTER_MS by itself', async () => {
    const { invoiceId, orderId } = (await stuckCharge('after')).payload;
    await backdate(invoiceId, 2 * HOUR);

    await waitFor(async () => (await chargeOf(invoiceId)).status === 'succeeded', { timeoutMs: 20_000, description: 'the schedule settled the charge' });
    expect(await chargeOf(invoiceId)).toMatchObject({ reconcile_attempts: 1 });
    expect(await bed.providerChargesFor(invoiceId)).toHaveLength(1);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed]);
  });

  // Last: it stops the service.
  it('on shutdown the pool stays open until the charge being settled has committed', async () => {
    const { invoiceId, orderId } = (await stuckCharge('after')).payload;
    let release: () => void = () => undefined;
    const answerHeld = new Promise<void>((resolve) => (release = resolve));
    let inProvider = false;
    const charge = bed.sandbox.charge.bind(bed.sandbox);
    jest.spyOn(bed.sandbox, 'charge').mockImplementation(async (request): Promise<ChargeResult> => {
      inProvider = true;
      await answerHeld;
      return charge(request);
    });
    const schedule = bed.get(ChargeReconcileSchedule);
    const stop = schedule.stop.bind(schedule);
    let stopping = false;
    jest.spyOn(schedule, 'stop').mockImplementation(() => {
      stopping = true;
      return stop();
    });
    await backdate(invoiceId, 2 * HOUR);

    let closing: Promise<void> | undefined;
    try {
      await waitFor(() => inProvider, { timeoutMs: 20_000, description: 'the schedule inside the provider call' });
      closing = bed.service.close();
      await waitFor(() => stopping, { timeoutMs: 30_000, description: 'the shutdown reaching the schedule' });
      // The consumers are stopped; the pool must not close under the charge in flight.
      const first = await Promise.race([closing.then(() => 'closed'), sleep(3_000).then(() => 'waiting for the charge in flight')]);
      expect(first).toBe('waiting for the charge in flight');
      expect(bed.dataSource().isInitialized).toBe(true);
    } finally {
      release();
    }
    await closing;

    expect(await chargeOf(invoiceId)).toMatchObject({ status: 'succeeded', reconcile_attempts: 1 });
    expect(await bed.outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed]);
  }, 60_000);
});
