import { createEvent, type InvoiceCreatedPayload, type OrderCancelledPayload, Topics } from '@order-platform/contracts';
import { waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { recordPayableInvoice } from '../src/invoices/record-payable-invoice';
import { TransientPaymentError } from '../src/providers';
import * as events from './support/payment-events';
import { PaymentTestBed } from './support/payment-test-bed';

const invoiceCreated = (orderId: string, customerId: string, overrides: Partial<InvoiceCreatedPayload> = {}) =>
  events.invoiceCreated(customerId, { orderId, ...overrides });
const orderCancelled = (orderId: string, overrides: Partial<OrderCancelledPayload> = {}) =>
  events.orderCancelled(orderId, { reason: 'Customer changed their mind', cancelledBy: 'customer', refundRequired: false, ...overrides });

describe('payment: an order cancelled before it is charged (real PostgreSQL + Kafka-protocol broker + sandbox provider)', () => {
  let bed: PaymentTestBed;

  beforeAll(async () => {
    bed = await PaymentTestBed.start({ env: { PAYMENT_INVOICE_WAIT_MS: '1500' }, commands: true });
  }, 90_000);

  afterAll(() => bed?.stop(), 60_000);

  afterEach(() => bed.sandbox.clearFaults());

  it('card order: OrderCancelled first, then InvoiceCreated -> no provider call, no payment event, also when both are redelivered', async () => {
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId);
    await bed.publish(cancelled);
    await bed.handled(cancelled);
    expect(await bed.cancellationOf(orderId)).toMatchObject({ reason: 'Customer changed their mind', cancelled_by: 'customer', cancellation_event_id: cancelled.id });

    const invoice = invoiceCreated(orderId, '8080');
    await bed.publish(invoice);
    await bed.handled(invoice);
    expect(await bed.chargesFor(invoice.payload.invoiceId)).toEqual([
      expect.objectContaining({ status: 'declined', decline_code: 'order_cancelled', method: 'card', attempts: 0, provider_charge_id: null }),
    ]);
    expect(await bed.providerChargesFor(invoice.payload.invoiceId)).toHaveLength(0);

    // Both events again, then markers with new ids: once the markers are handled, so are the duplicates.
    await bed.publish(cancelled);
    await bed.publish(invoice);
    const cancelledAgain = orderCancelled(orderId, { reason: 'Cancelled twice', cancelledBy: 'operator' });
    const invoiceAgain = createEvent(Topics.InvoiceCreated, invoice.payload, { correlationId: invoice.correlationId });
    await bed.publish(cancelledAgain);
    await bed.publish(invoiceAgain);
    await bed.handled(cancelledAgain);
    await bed.handled(invoiceAgain);

    expect(await bed.chargesFor(invoice.payload.invoiceId)).toEqual([expect.objectContaining({ status: 'declined', decline_code: 'order_cancelled' })]);
    expect(await bed.providerChargesFor(invoice.payload.invoiceId)).toHaveLength(0);
    expect(await bed.cancellationOf(orderId)).toMatchObject({ reason: 'Customer changed their mind', cancellation_event_id: cancelled.id });
    expect(await bed.refundsFor(orderId)).toHaveLength(0);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([]);
  });

  it.each(['account', 'cash'] as const)('%s order cancelled first is not settled: no PaymentProcessed', async (paymentTerms) => {
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId, { cancelledBy: 'merchant' });
    await bed.publish(cancelled);
    await bed.handled(cancelled);
    const invoice = invoiceCreated(orderId, 'wholesale-12', { paymentTerms });
    await bed.publish(invoice);
    await bed.handled(invoice);

    expect(await bed.chargesFor(invoice.payload.invoiceId)).toEqual([
      expect.objectContaining({ status: 'declined', decline_code: 'order_cancelled', method: paymentTerms, provider: paymentTerms }),
    ]);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([]);
  });

  it('payment.process-payment for an order cancelled first answers CONFLICT order_cancelled and charges nothing', async () => {
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId);
    await bed.publish(cancelled);
    await bed.handled(cancelled);

    // The command waits for the invoice it has not seen; InvoiceCreated arrives meanwhile.
    const invoice = invoiceCreated(orderId, '8080');
    const reply = bed.pay({ customerId: '8080', invoiceId: invoice.payload.invoiceId, totalMinor: 2400 }, orderId);
    await bed.publish(invoice);
    expect(await reply).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining(`Order ${orderId} was cancelled`), details: [{ path: 'payment', message: 'order_cancelled' }] },
    });
    await bed.handled(invoice);

    const again = await bed.pay({ customerId: '8080', invoiceId: invoice.payload.invoiceId, totalMinor: 2400 }, orderId);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ path: 'payment', message: 'order_cancelled' }] } });
    expect(await bed.chargesFor(invoice.payload.invoiceId)).toHaveLength(1);
    expect(await bed.providerChargesFor(invoice.payload.invoiceId)).toHaveLength(0);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([]);
  });

  /*
   * The races, driven step by step through the service's own providers (the broker cannot
   * hold one handler half-way while another runs): the test's own transaction stands in the
   * way at the exact point that matters, then steps aside.
   */
  describe('racing with the charge path', () => {
      
    it('a cancellation that has found no charge but not yet committed makes the charge wait, and then decline', async () => {
      const orderId = randomUUID();
      const cancelled = orderCancelled(orderId);
      const invoice = invoiceCreated(orderId, '8080');
      await recordPayableInvoice(bed.dataSource(), invoice);

      // An uncommitted row with the order's key: the cancellation stops right after it looked for charges.
      const blocker = new Client({ connectionString: bed.infra.database.url });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        const [{ pid }] = (await blocker.query('SELECT pg_backend_pid() AS pid')).rows as Array<{ pid: number }>;
        await blocker.query(
          `INSERT INTO "${bed.service.schema}".cancelled_orders (order_id, reason, cancelled_by, cancellation_event_id, cancelled_at) VALUES ($1, 'blocker', 'system', 'blocker', now())`,
          [orderId],
        );
        const refunding = bed.refunds().onOrderCancelled(cancelled);
        await waitFor(async () => (await bed.sql.rows(`SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [pid])).length > 0, {
          timeoutMs: 10_000,
          description: 'the cancellation waiting on the blocker',
        });

        // The charge path must now wait for the cancellation to commit, not charge meanwhile.
        let chargeSettled = false;
        const charging = bed.charges()
          .chargeInvoice(invoice.payload.invoiceId)
          .finally(() => (chargeSettled = true));
        const waitingOnAdvisoryLock = async () =>
          (await bed.sql.rows(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`, [])).length > 0;
        await waitFor(async () => chargeSettled || (await waitingOnAdvisoryLock()), { timeoutMs: 10_000, description: 'the charge path waiting or done' });
        expect(chargeSettled).toBe(false);
        expect(await bed.providerChargesFor(invoice.payload.invoiceId)).toHaveLength(0);

        await blocker.query('ROLLBACK');
        expect(await refunding).toBe('nothing_to_refund');
        expect(await charging).toMatchObject({ status: 'declined', declineCode: 'order_cancelled' });
      } finally {
        await blocker.end();
      }
      expect(await bed.providerChargesFor(invoice.payload.invoiceId)).toHaveLength(0);
      expect(await bed.cancellationOf(orderId)).toMatchObject({ cancellation_event_id: cancelled.id });
      expect(await bed.outboxTopicsFor(orderId)).toEqual([]);
    });

    it('a cancellation meeting a charge still settling is recorded at once; the charge is refunded as it settles; the command then answers CONFLICT', async () => {
      const orderId = randomUUID();
      const cancelled = orderCancelled(orderId, { cancelledBy: 'merchant', refundRequired: true });
      const invoice = invoiceCreated(orderId, '8080');
      await recordPayableInvoice(bed.dataSource(), invoice);

      // The provider charges but its answer is lost: the charge row stays `attempting`.
      bed.sandbox.injectTransientFaults({ times: 1, phase: 'after', operation: 'charge' });
      await expect(bed.charges().chargeInvoice(invoice.payload.invoiceId)).rejects.toBeInstanceOf(TransientPaymentError);
      // Not retried (and so never dead-lettered): recorded, and left to the settle step.
      expect(await bed.refunds().onOrderCancelled(cancelled)).toBe('refund_on_settle');
      expect(await bed.cancellationOf(orderId)).toMatchObject({ cancellation_event_id: cancelled.id });

      expect(await bed.charges().chargeInvoice(invoice.payload.invoiceId)).toMatchObject({ status: 'succeeded' });
      expect(await bed.refunds().onOrderCancelled(cancelled)).toBe('duplicate');
      expect(await bed.providerChargesFor(invoice.payload.invoiceId)).toEqual([expect.objectContaining({ amountMinor: 2400, refundedMinor: 2400 })]);
      expect(await bed.outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed, Topics.PaymentRefunded]);

      const reply = await bed.pay({ customerId: '8080', invoiceId: invoice.payload.invoiceId, totalMinor: 2400 }, orderId);
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('refunded'), details: [{ path: 'payment', message: 'order_cancelled' }] },
      });
      expect(await bed.providerChargesFor(invoice.payload.invoiceId)).toHaveLength(1);
    });
  });
});
