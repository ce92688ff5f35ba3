import { createEvent, type InvoiceCreatedPayload, type OrderCancelledPayload, Topics, type TypedEvent } from '@order-platform/contracts';
import { inboxHas, publishEventForTest, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ChargeInvoiceService } from '../src/charges/charge-invoice.service';
import { recordPayableInvoice } from '../src/invoices/record-payable-invoice';
import { paymentService } from '../src/payment.service-definition';
import { type ChargeResult, type SandboxPaymentProvider, TransientPaymentError } from '../src/providers';
import { PAYMENT_PROVIDER } from '../src/providers/payment-provider.token';
import { RefundChargeService } from '../src/refund-charge/refund-charge.service';

function invoiceCreated(orderId: string, customerId: string, overrides: Partial<InvoiceCreatedPayload> = {}): TypedEvent<'InvoiceCreated'> {
  return createEvent(
    Topics.InvoiceCreated,
    {
      orderId,
      invoiceId: randomUUID(),
      invoiceNumber: 'INV-2026-000091',
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
    { correlationId: `checkout-${orderId}` },
  );
}

// Its own correlation id, unlike the invoice's: the refund must carry the cancellation's trace.
function orderCancelled(orderId: string, overrides: Partial<OrderCancelledPayload> = {}): TypedEvent<'OrderCancelled'> {
  return createEvent(
    Topics.OrderCancelled,
    { orderId, reason: 'Kitchen closed', cancelledBy: 'merchant', refundRequired: true, cancelledAt: new Date().toISOString(), ...overrides },
    { correlationId: `cancel-${orderId}` },
  );
}

/**
 * OrderCancelled arriving while the order's charge is still `attempting` (provider slow, or its
 * answer lost): the cancellation is recorded and handled at once, and the charge's settle step
 * refunds the charge when it is captured.
 */
describe('payment: an order cancelled while its charge is settling (real PostgreSQL + Kafka-protocol broker + sandbox provider)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let service: Awaited<ReturnType<typeof startServiceForTest>>;
  let sandbox: SandboxPaymentProvider;
  let reader: TopicReader;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('payment');
    service = await startServiceForTest(paymentService, { brokers: kafka.brokers, databaseUrl: database.url }, { DEMO_DATA: 'true' });
    sandbox = service.app.get<SandboxPaymentProvider>(PAYMENT_PROVIDER, { strict: false });
    reader = await TopicReader.start(kafka.brokers, [Topics.PaymentRefunded, `${Topics.OrderCancelled}.dlq`, `${Topics.InvoiceCreated}.dlq`]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await reader?.stop();
    await service?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  afterEach(() => {
    sandbox.clearFaults();
    jest.restoreAllMocks();
  });

  const charges = () => service.app.get(ChargeInvoiceService, { strict: false });
  const refunds = () => service.app.get(RefundChargeService, { strict: false });
  const dataSource = () => service.app.get(DataSource, { strict: false });

  const rows = async (query: string, params: unknown[]) => (await sql.query(query.replace(/\$schema/g, `"${service.schema}"`), params)).rows;
  const chargesFor = (invoiceId: string) => rows(`SELECT * FROM $schema.charges WHERE invoice_id = $1`, [invoiceId]);
  const refundsFor = (orderId: string) => rows(`SELECT * FROM $schema.refunds WHERE order_id = $1`, [orderId]);
  const cancellationOf = async (orderId: string) => (await rows(`SELECT * FROM $schema.cancelled_orders WHERE order_id = $1`, [orderId]))[0];
  // Every event payment publishes is written to the outbox first: what is not there is never sent.
  const outboxFor = (orderId: string) => rows(`SELECT topic, payload FROM $schema.outbox WHERE key = $1 ORDER BY seq`, [orderId]);
  const outboxTopicsFor = async (orderId: string) => (await outboxFor(orderId)).map((r) => r.topic);
  const providerChargesFor = (invoiceId: string) => sandbox.listCharges().filter((c) => c.metadata['invoiceId'] === invoiceId);
  const refundedOnTopic = (orderId: string) => reader.on(Topics.PaymentRefunded).filter((m) => (m.value as { orderId?: string }).orderId === orderId);
  const deadLettered = (topic: string, orderId: string) => reader.on(`${topic}.dlq`).filter((m) => (m.value as { orderId?: string }).orderId === orderId);
  const handled = (event: { id: string }) =>
    waitFor(() => inboxHas(database.url, service.schema, 'payment', event.id), { timeoutMs: 40_000, description: `event ${event.id} handled` });

  /** The provider captures the charge but its answer is lost: the charge row stays `attempting`. */
  async function attemptingCharge(customerId = '8080'): Promise<TypedEvent<'InvoiceCreated'>> {
    const invoice = invoiceCreated(randomUUID(), customerId);
    await recordPayableInvoice(dataSource(), invoice);
    sandbox.injectTransientFaults({ times: 1, phase: 'after', operation: 'charge' });
    await expect(charges().chargeInvoice(invoice.payload.invoiceId)).rejects.toBeInstanceOf(TransientPaymentError);
    expect(await chargesFor(invoice.payload.invoiceId)).toEqual([expect.objectContaining({ status: 'attempting' })]);
    return invoice;
  }

  it('OrderCancelled meeting an attempting charge is handled at once (no retries, no DLQ); the charge is refunded once when captured; redelivery changes nothing', async () => {
    const invoice = await attemptingCharge();
    const { orderId, invoiceId } = invoice.payload;
    expect(providerChargesFor(invoiceId)).toEqual([expect.objectContaining({ amountMinor: 2400, refundedMinor: 0 })]);

    const cancelled = orderCancelled(orderId);
    await publishEventForTest(kafka.brokers, cancelled);
    // The inbox receipt is written only when the handler succeeds: a dead-lettered event has none.
    await handled(cancelled);
    expect(await cancellationOf(orderId)).toMatchObject({ cancellation_event_id: cancelled.id, correlation_id: cancelled.correlationId, reason: 'Kitchen closed' });
    expect(await refundsFor(orderId)).toHaveLength(0);
    expect(await chargesFor(invoiceId)).toEqual([expect.objectContaining({ status: 'attempting' })]);

    // The invoice is redelivered (as after a restart): the charge settles as captured and is refunded.
    await publishEventForTest(kafka.brokers, invoice);
    const refunded = await waitFor(() => refundedOnTopic(orderId)[0], { timeoutMs: 30_000, description: 'PaymentRefunded' });
    const [charge] = await chargesFor(invoiceId);
    expect(charge).toMatchObject({ status: 'succeeded' });
    expect(refunded.value).toMatchObject({
      correlationId: cancelled.correlationId,
      payload: { orderId, paymentId: charge.transaction_id, amountMinor: 2400, currency: 'USD', reason: 'Kitchen closed' },
    });
    expect(await refundsFor(orderId)).toEqual([
      expect.objectContaining({
        status: 'succeeded',
        charge_transaction_id: charge.transaction_id,
        idempotency_key: `refund:${charge.transaction_id}`,
        amount_minor: '2400',
        cancellation_event_id: cancelled.id,
      }),
    ]);
    expect(providerChargesFor(invoiceId)).toEqual([expect.objectContaining({ amountMinor: 2400, refundedMinor: 2400 })]);

    // Redelivery of the cancellation (same id, and a second cancellation of the order) and of the invoice.
    expect(await refunds().onOrderCancelled(cancelled)).toBe('duplicate');
    await publishEventForTest(kafka.brokers, cancelled);
    await publishEventForTest(kafka.brokers, invoice);
    const again = orderCancelled(orderId, { reason: 'Cancelled again', cancelledBy: 'operator' });
    const invoiceAgain = createEvent(Topics.InvoiceCreated, invoice.payload, { correlationId: invoice.correlationId });
    await publishEventForTest(kafka.brokers, again);
    await publishEventForTest(kafka.brokers, invoiceAgain);
    await handled(again);
    await handled(invoiceAgain);

    expect(await refundsFor(orderId)).toHaveLength(1);
    expect(providerChargesFor(invoiceId)).toEqual([expect.objectContaining({ refundedMinor: 2400 })]);
    expect(await outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed, Topics.PaymentRefunded]);
    expect(refundedOnTopic(orderId)).toHaveLength(1);
    expect(deadLettered(Topics.OrderCancelled, orderId)).toEqual([]);
    expect(deadLettered(Topics.InvoiceCreated, orderId)).toEqual([]);
  }, 90_000);

  it('a cancellation handled while the provider is still answering does not wait for it, and the settle step refunds the captured charge', async () => {
    const invoice = invoiceCreated(randomUUID(), '8080');
    const { orderId, invoiceId } = invoice.payload;
    await recordPayableInvoice(dataSource(), invoice);

    // A slow provider: it has captured the money but holds its answer until released.
    let release: () => void = () => undefined;
    const answerHeld = new Promise<void>((resolve) => (release = resolve));
    let inProviderCall = false;
    const charge = sandbox.charge.bind(sandbox);
    jest.spyOn(sandbox, 'charge').mockImplementation(async (request): Promise<ChargeResult> => {
      const result = await charge(request);
      inProviderCall = true;
      await answerHeld;
      return result;
    });

    const charging = charges().chargeInvoice(invoiceId);
    try {
      await waitFor(() => inProviderCall, { timeoutMs: 10_000, description: 'the settle step inside the provider call' });
      const cancelled = orderCancelled(orderId);
      const outcome = await Promise.race([
        refunds().onOrderCancelled(cancelled),
        new Promise((resolve) => setTimeout(() => resolve('still waiting on the charge'), 5_000)),
      ]);
      expect(outcome).toBe('refund_on_settle');
      expect(await cancellationOf(orderId)).toMatchObject({ cancellation_event_id: cancelled.id });
      expect(await refundsFor(orderId)).toHaveLength(0);
    } finally {
      release();
    }

    const settled = await charging;
    expect(settled).toMatchObject({ status: 'succeeded' });
    expect(await refundsFor(orderId)).toEqual([expect.objectContaining({ status: 'succeeded', idempotency_key: `refund:${settled.transactionId}` })]);
    expect(providerChargesFor(invoiceId)).toEqual([expect.objectContaining({ amountMinor: 2400, refundedMinor: 2400 })]);
    const outbox = await outboxFor(orderId);
    expect(outbox.map((r) => r.topic)).toEqual([Topics.PaymentProcessed, Topics.PaymentRefunded]);
    expect(outbox[1].payload).toMatchObject({ correlationId: `cancel-${orderId}`, payload: { paymentId: String(settled.transactionId), amountMinor: 2400 } });

    // The charge is final: a second caller gets it and refunds nothing more.
    expect(await charges().chargeInvoice(invoiceId)).toMatchObject({ status: 'succeeded', transactionId: settled.transactionId });
    expect(await refundsFor(orderId)).toHaveLength(1);
  });

  it('a refund answer lost inside the settle step rolls it back whole; the retry refunds once with the same key', async () => {
    const invoice = await attemptingCharge();
    const { orderId, invoiceId } = invoice.payload;
    expect(await refunds().onOrderCancelled(orderCancelled(orderId))).toBe('refund_on_settle');

    // The provider refunds, then the answer is lost: as if the process died before the commit.
    sandbox.injectTransientFaults({ times: 1, phase: 'after', operation: 'refund' });
    await expect(charges().chargeInvoice(invoiceId)).rejects.toBeInstanceOf(TransientPaymentError);
    expect(await chargesFor(invoiceId)).toEqual([expect.objectContaining({ status: 'attempting' })]);
    expect(await refundsFor(orderId)).toHaveLength(0);
    expect(await outboxTopicsFor(orderId)).toEqual([]);
    expect(providerChargesFor(invoiceId)).toEqual([expect.objectContaining({ refundedMinor: 2400 })]);

    // A new key would have been refused ('already_refunded') and recorded as a failed refund.
    const settled = await charges().chargeInvoice(invoiceId);
    expect(settled).toMatchObject({ status: 'succeeded' });
    expect(await refundsFor(orderId)).toEqual([expect.objectContaining({ status: 'succeeded', idempotency_key: `refund:${settled.transactionId}` })]);
    expect(providerChargesFor(invoiceId)).toHaveLength(1);
    expect(providerChargesFor(invoiceId)[0]).toMatchObject({ refundedMinor: 2400 });
    expect(await outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed, Topics.PaymentRefunded]);
  });

  it('a charge that settles as declined after the cancellation refunds nothing', async () => {
    const invoice = await attemptingCharge('8081');
    const { orderId, invoiceId } = invoice.payload;
    expect(await refunds().onOrderCancelled(orderCancelled(orderId))).toBe('refund_on_settle');

    expect(await charges().chargeInvoice(invoiceId)).toMatchObject({ status: 'declined', declineCode: 'card_declined' });
    expect(await refundsFor(orderId)).toHaveLength(0);
    expect(await outboxTopicsFor(orderId)).toEqual([Topics.PaymentFailed]);
  });
});
