import {
  type CommandReply,
  Commands,
  createEvent,
  type InvoiceCreatedPayload,
  type OrderCancelledPayload,
  type ProcessPaymentResponse,
  Topics,
  type TypedEvent,
} from '@order-platform/contracts';
import { CommandClientForTest, inboxHas, publishEventForTest, startServiceForTest } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ChargeInvoiceService } from '../src/charges/charge-invoice.service';
import { recordPayableInvoice } from '../src/invoices/record-payable-invoice';
import { paymentService } from '../src/payment.service-definition';
import { type SandboxPaymentProvider, TransientPaymentError } from '../src/providers';
import { PAYMENT_PROVIDER } from '../src/providers/payment-provider.token';
import { RefundChargeService } from '../src/refund-charge/refund-charge.service';

function invoiceCreated(orderId: string, customerId: string, overrides: Partial<InvoiceCreatedPayload> = {}): TypedEvent<'InvoiceCreated'> {
  return createEvent(
    Topics.InvoiceCreated,
    {
      orderId,
      invoiceId: randomUUID(),
      invoiceNumber: 'INV-2026-000077',
      customerId,
      currency: 'USD',
      lines: [{ description: 'Margherita', productId: 'margherita', quantity: 2, unitPriceMinor: 1200, taxMinor: 433, totalMinor: 2400 }],
      subtotalMinor: 1967,
      taxMinor: 433,
      totalMinor: 2400,
      issuedAt: new Date().toISOString(),
      customerName: 'Bob Norman',
      ...overrides,
    },
    { correlationId: `test-${orderId}` },
  );
}

function orderCancelled(orderId: string, overrides: Partial<OrderCancelledPayload> = {}): TypedEvent<'OrderCancelled'> {
  return createEvent(
    Topics.OrderCancelled,
    { orderId, reason: 'Customer changed their mind', cancelledBy: 'customer', refundRequired: false, cancelledAt: new Date().toISOString(), ...overrides },
    { correlationId: `test-${orderId}` },
  );
}

describe('payment: an order cancelled before it is charged (real PostgreSQL + Kafka-protocol broker + sandbox provider)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let service: Awaited<ReturnType<typeof startServiceForTest>>;
  let sandbox: SandboxPaymentProvider;
  let commands: CommandClientForTest;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('payment');
    service = await startServiceForTest(
      paymentService,
      { brokers: kafka.brokers, databaseUrl: database.url },
      { DEMO_DATA: 'true', PAYMENT_INVOICE_WAIT_MS: '1500' },
    );
    sandbox = service.app.get<SandboxPaymentProvider>(PAYMENT_PROVIDER, { strict: false });
    commands = await CommandClientForTest.connect(kafka.brokers, [Commands.Payment.ProcessPayment]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await commands?.close();
    await service?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  afterEach(() => sandbox.clearFaults());

  const rows = async (query: string, params: unknown[]) => (await sql.query(query.replace(/\$schema/g, `"${service.schema}"`), params)).rows;
  const chargesFor = (invoiceId: string) => rows(`SELECT * FROM $schema.charges WHERE invoice_id = $1`, [invoiceId]);
  const cancellationOf = async (orderId: string) => (await rows(`SELECT * FROM $schema.cancelled_orders WHERE order_id = $1`, [orderId]))[0];
  // The outbox is where every event payment publishes is written first: none there, none ever sent.
  const outboxTopicsFor = async (orderId: string) => (await rows(`SELECT topic FROM $schema.outbox WHERE key = $1 ORDER BY seq`, [orderId])).map((r) => r.topic);
  const providerChargesFor = (invoiceId: string) => sandbox.listCharges().filter((c) => c.metadata['invoiceId'] === invoiceId);
  const handled = (event: { id: string }) =>
    waitFor(() => inboxHas(database.url, service.schema, 'payment', event.id), { timeoutMs: 40_000, description: `event ${event.id} handled` });
  const pay = (request: object, key: string) =>
    commands.send<CommandReply<ProcessPaymentResponse>>(Commands.Payment.ProcessPayment, request, key, 30_000);

  it('card order: OrderCancelled first, then InvoiceCreated -> no provider call, no payment event, also when both are redelivered', async () => {
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId);
    await publishEventForTest(kafka.brokers, cancelled);
    await handled(cancelled);
    expect(await cancellationOf(orderId)).toMatchObject({ reason: 'Customer changed their mind', cancelled_by: 'customer', cancellation_event_id: cancelled.id });

    const invoice = invoiceCreated(orderId, '8080');
    await publishEventForTest(kafka.brokers, invoice);
    await handled(invoice);
    expect(await chargesFor(invoice.payload.invoiceId)).toEqual([
      expect.objectContaining({ status: 'declined', decline_code: 'order_cancelled', method: 'card', attempts: 0, provider_charge_id: null }),
    ]);
    expect(providerChargesFor(invoice.payload.invoiceId)).toHaveLength(0);

    // Both events again, then markers with new ids: once the markers are handled, so are the duplicates.
    await publishEventForTest(kafka.brokers, cancelled);
    await publishEventForTest(kafka.brokers, invoice);
    const cancelledAgain = orderCancelled(orderId, { reason: 'Cancelled twice', cancelledBy: 'operator' });
    const invoiceAgain = createEvent(Topics.InvoiceCreated, invoice.payload, { correlationId: invoice.correlationId });
    await publishEventForTest(kafka.brokers, cancelledAgain);
    await publishEventForTest(kafka.brokers, invoiceAgain);
    await handled(cancelledAgain);
    await handled(invoiceAgain);

    expect(await chargesFor(invoice.payload.invoiceId)).toEqual([expect.objectContaining({ status: 'declined', decline_code: 'order_cancelled' })]);
    expect(providerChargesFor(invoice.payload.invoiceId)).toHaveLength(0);
    expect(await cancellationOf(orderId)).toMatchObject({ reason: 'Customer changed their mind', cancellation_event_id: cancelled.id });
    expect(await rows(`SELECT * FROM $schema.refunds WHERE order_id = $1`, [orderId])).toHaveLength(0);
    expect(await outboxTopicsFor(orderId)).toEqual([]);
  });

  it.each(['account', 'cash'] as const)('%s order cancelled first is not settled: no PaymentProcessed', async (paymentTerms) => {
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId, { cancelledBy: 'merchant' });
    await publishEventForTest(kafka.brokers, cancelled);
    await handled(cancelled);
    const invoice = invoiceCreated(orderId, 'wholesale-12', { paymentTerms });
    await publishEventForTest(kafka.brokers, invoice);
    await handled(invoice);

    expect(await chargesFor(invoice.payload.invoiceId)).toEqual([
      expect.objectContaining({ status: 'declined', decline_code: 'order_cancelled', method: paymentTerms, provider: paymentTerms }),
    ]);
    expect(await outboxTopicsFor(orderId)).toEqual([]);
  });

  it('payment.process-payment for an order cancelled first answers CONFLICT order_cancelled and charges nothing', async () => {
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId);
    await publishEventForTest(kafka.brokers, cancelled);
    await handled(cancelled);

    // The command waits for the invoice it has not seen; InvoiceCreated arrives meanwhile.
    const invoice = invoiceCreated(orderId, '8080');
    const reply = pay({ customerId: '8080', invoiceId: invoice.payload.invoiceId, totalMinor: 2400 }, orderId);
    await publishEventForTest(kafka.brokers, invoice);
    expect(await reply).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining(`Order ${orderId} was cancelled`), details: [{ path: 'payment', message: 'order_cancelled' }] },
    });
    await handled(invoice);

    const again = await pay({ customerId: '8080', invoiceId: invoice.payload.invoiceId, totalMinor: 2400 }, orderId);
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ path: 'payment', message: 'order_cancelled' }] } });
    expect(await chargesFor(invoice.payload.invoiceId)).toHaveLength(1);
    expect(providerChargesFor(invoice.payload.invoiceId)).toHaveLength(0);
    expect(await outboxTopicsFor(orderId)).toEqual([]);
  });

  /*
   * The races, driven step by step through the service's own providers (the broker cannot
   * hold one handler half-way while another runs): the test's own transaction stands in the
   * way at the exact point that matters, then steps aside.
   */
  describe('racing with the charge path', () => {
    const charges = () => service.app.get(ChargeInvoiceService, { strict: false });
    const refunds = () => service.app.get(RefundChargeService, { strict: false });
    const dataSource = () => service.app.get(DataSource, { strict: false });

    it('a cancellation that has found no charge but not yet committed makes the charge wait, and then decline', async () => {
      const orderId = randomUUID();
      const cancelled = orderCancelled(orderId);
      const invoice = invoiceCreated(orderId, '8080');
      await recordPayableInvoice(dataSource(), invoice);

      // An uncommitted row with the order's key: the cancellation stops right after it looked for charges.
      const blocker = new Client({ connectionString: database.url });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        const [{ pid }] = (await blocker.query('SELECT pg_backend_pid() AS pid')).rows as Array<{ pid: number }>;
        await blocker.query(
          `INSERT INTO "${service.schema}".cancelled_orders (order_id, reason, cancelled_by, cancellation_event_id, cancelled_at) VALUES ($1, 'blocker', 'system', 'blocker', now())`,
          [orderId],
        );
        const refunding = refunds().onOrderCancelled(cancelled);
        await waitFor(async () => (await rows(`SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [pid])).length > 0, {
          timeoutMs: 10_000,
          description: 'the cancellation waiting on the blocker',
        });

        // The charge path must now wait for the cancellation to commit, not charge meanwhile.
        let chargeSettled = false;
        const charging = charges()
          .chargeInvoice(invoice.payload.invoiceId)
          .finally(() => (chargeSettled = true));
        const waitingOnAdvisoryLock = async () =>
          (await rows(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`, [])).length > 0;
        await waitFor(async () => chargeSettled || (await waitingOnAdvisoryLock()), { timeoutMs: 10_000, description: 'the charge path waiting or done' });
        expect(chargeSettled).toBe(false);
        expect(providerChargesFor(invoice.payload.invoiceId)).toHaveLength(0);

        await blocker.query('ROLLBACK');
        expect(await refunding).toBe('nothing_to_refund');
        expect(await charging).toMatchObject({ status: 'declined', declineCode: 'order_cancelled' });
      } finally {
        await blocker.end();
      }
      expect(providerChargesFor(invoice.payload.invoiceId)).toHaveLength(0);
      expect(await cancellationOf(orderId)).toMatchObject({ cancellation_event_id: cancelled.id });
      expect(await outboxTopicsFor(orderId)).toEqual([]);
    });

    it('a cancellation meeting a charge still settling is recorded at once; the charge is refunded as it settles; the command then answers CONFLICT', async () => {
      const orderId = randomUUID();
      const cancelled = orderCancelled(orderId, { cancelledBy: 'merchant', refundRequired: true });
      const invoice = invoiceCreated(orderId, '8080');
      await recordPayableInvoice(dataSource(), invoice);

      // The provider charges but its answer is lost: the charge row stays `attempting`.
      sandbox.injectTransientFaults({ times: 1, phase: 'after', operation: 'charge' });
      await expect(charges().chargeInvoice(invoice.payload.invoiceId)).rejects.toBeInstanceOf(TransientPaymentError);
      // Not retried (and so never dead-lettered): recorded, and left to the settle step.
      expect(await refunds().onOrderCancelled(cancelled)).toBe('refund_on_settle');
      expect(await cancellationOf(orderId)).toMatchObject({ cancellation_event_id: cancelled.id });

      expect(await charges().chargeInvoice(invoice.payload.invoiceId)).toMatchObject({ status: 'succeeded' });
      expect(await refunds().onOrderCancelled(cancelled)).toBe('duplicate');
      expect(providerChargesFor(invoice.payload.invoiceId)).toEqual([expect.objectContaining({ amountMinor: 2400, refundedMinor: 2400 })]);
      expect(await outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed, Topics.PaymentRefunded]);

      const reply = await pay({ customerId: '8080', invoiceId: invoice.payload.invoiceId, totalMinor: 2400 }, orderId);
      expect(reply).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('refunded'), details: [{ path: 'payment', message: 'order_cancelled' }] },
      });
      expect(providerChargesFor(invoice.payload.invoiceId)).toHaveLength(1);
    });
  });
});
