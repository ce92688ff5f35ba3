import { createEvent, type InvoiceCreatedPayload, type OrderCancelledPayload, Topics, type TypedEvent } from '@order-platform/contracts';
import { inboxHas, publishEventForTest, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { SandboxPaymentProvider } from '../src/providers';
import { PAYMENT_PROVIDER } from '../src/providers/payment-provider.token';
import { paymentService } from '../src/payment.service-definition';

function invoiceCreated(customerId: string, overrides: Partial<InvoiceCreatedPayload> = {}): TypedEvent<'InvoiceCreated'> {
  const orderId = randomUUID();
  return createEvent(
    Topics.InvoiceCreated,
    {
      orderId,
      invoiceId: randomUUID(),
      invoiceNumber: 'INV-2026-000042',
      customerId,
      currency: 'USD',
      lines: [{ description: 'Margherita', productId: 'margherita', quantity: 2, unitPriceMinor: 1200, taxMinor: 433, totalMinor: 2400 }],
      subtotalMinor: 1967,
      taxMinor: 433,
      totalMinor: 2400,
      issuedAt: new Date().toISOString(),
      customerName: 'Noa Levi',
      ...overrides,
    },
    { correlationId: `test-${orderId}` },
  );
}

function orderCancelled(orderId: string, overrides: Partial<OrderCancelledPayload> = {}): TypedEvent<'OrderCancelled'> {
  return createEvent(
    Topics.OrderCancelled,
    { orderId, reason: 'Kitchen closed', cancelledBy: 'merchant', refundRequired: true, cancelledAt: new Date().toISOString(), ...overrides },
    { correlationId: `test-${orderId}` },
  );
}

describe('payment: refunding cancelled orders (real PostgreSQL + Kafka-protocol broker + sandbox provider)', () => {
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
    reader = await TopicReader.start(kafka.brokers, [Topics.PaymentProcessed, Topics.PaymentFailed, Topics.PaymentRefunded, `${Topics.OrderCancelled}.dlq`]);
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

  afterEach(() => sandbox.clearFaults());

  const eventsFor = (topic: string, orderId: string) => reader.on(topic).filter((m) => (m.value as { orderId?: string }).orderId === orderId);
  const refundsFor = async (orderId: string) => (await sql.query(`SELECT * FROM "${service.schema}".refunds WHERE order_id = $1`, [orderId])).rows;
  const providerChargeOf = (invoiceId: string) => sandbox.listCharges().find((c) => c.metadata['invoiceId'] === invoiceId);
  const handled = (event: { id: string }) =>
    waitFor(() => inboxHas(database.url, service.schema, 'payment', event.id), { timeoutMs: 40_000, description: `event ${event.id} handled` });

  async function settled(customerId: string, overrides: Partial<InvoiceCreatedPayload> = {}): Promise<TypedEvent<'InvoiceCreated'>> {
    const invoice = invoiceCreated(customerId, overrides);
    await publishEventForTest(kafka.brokers, invoice);
    await waitFor(() => eventsFor(Topics.PaymentProcessed, invoice.orderId)[0] ?? eventsFor(Topics.PaymentFailed, invoice.orderId)[0], {
      timeoutMs: 30_000,
      description: 'payment outcome',
    });
    return invoice;
  }

  it('customer 5 card order cancelled -> refunded once through the provider, one PaymentRefunded, also when redelivered', async () => {
    const invoice = await settled('5');
    const processed = eventsFor(Topics.PaymentProcessed, invoice.orderId)[0]?.value as { payload: { transactionId: number; method: string } } | undefined;
    expect(processed?.payload.method).toBe('card');

    const cancelled = orderCancelled(invoice.orderId);
    await publishEventForTest(kafka.brokers, cancelled);
    const refunded = await waitFor(() => eventsFor(Topics.PaymentRefunded, invoice.orderId)[0], { timeoutMs: 30_000, description: 'PaymentRefunded' });
    expect(refunded.value).toMatchObject({
      correlationId: cancelled.correlationId,
      payload: { orderId: invoice.orderId, paymentId: String(processed?.payload.transactionId), amountMinor: 2400, currency: 'USD', reason: 'Kitchen closed' },
    });

    // Redelivery of the same event and a second cancellation of the order: no second refund.
    await publishEventForTest(kafka.brokers, cancelled);
    const again = orderCancelled(invoice.orderId, { reason: 'Cancelled again' });
    await publishEventForTest(kafka.brokers, again);
    await handled(again);

    const refunds = await refundsFor(invoice.orderId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({
      status: 'succeeded',
      idempotency_key: `refund:${processed?.payload.transactionId}`,
      amount_minor: '2400',
      reason: 'Kitchen closed',
      cancellation_event_id: cancelled.id,
    });
    expect(providerChargeOf(invoice.payload.invoiceId)).toMatchObject({ amountMinor: 2400, refundedMinor: 2400 });
    expect(eventsFor(Topics.PaymentRefunded, invoice.orderId)).toHaveLength(1);
  });

  it('a lost provider answer is retried with the same key and refunds once', async () => {
    const invoice = await settled('6');
    sandbox.injectTransientFaults({ times: 2, phase: 'after', operation: 'refund' });
    await publishEventForTest(kafka.brokers, orderCancelled(invoice.orderId));
    await waitFor(() => eventsFor(Topics.PaymentRefunded, invoice.orderId)[0], { timeoutMs: 40_000, description: 'PaymentRefunded after retries' });

    // A second key would have been answered 'already_refunded' and recorded as failed.
    expect(await refundsFor(invoice.orderId)).toEqual([expect.objectContaining({ status: 'succeeded' })]);
    expect(providerChargeOf(invoice.payload.invoiceId)).toMatchObject({ refundedMinor: 2400 });
    expect(eventsFor(Topics.PaymentRefunded, invoice.orderId)).toHaveLength(1);
  });

  it('cash orders settle as method cash without a provider call and are never refunded', async () => {
    const invoice = await settled('5', { paymentTerms: 'cash' });
    expect(eventsFor(Topics.PaymentProcessed, invoice.orderId)[0]?.value).toMatchObject({ payload: { method: 'cash', provider: 'cash', card: null, amountMinor: 2400 } });
    expect(providerChargeOf(invoice.payload.invoiceId)).toBeUndefined();

    const cancelled = orderCancelled(invoice.orderId);
    await publishEventForTest(kafka.brokers, cancelled);
    await handled(cancelled);
    expect(await refundsFor(invoice.orderId)).toHaveLength(0);
    expect(eventsFor(Topics.PaymentRefunded, invoice.orderId)).toHaveLength(0);
  });

  it('a declined charge or an order payment never charged has nothing to refund', async () => {
    const declined = await settled('8081');
    expect(eventsFor(Topics.PaymentFailed, declined.orderId)).toHaveLength(1);
    const afterDecline = orderCancelled(declined.orderId, { refundRequired: false, cancelledBy: 'system' });
    const unknownOrder = orderCancelled(randomUUID());
    await publishEventForTest(kafka.brokers, afterDecline);
    await publishEventForTest(kafka.brokers, unknownOrder);
    await handled(afterDecline);
    await handled(unknownOrder);
    expect(await refundsFor(declined.orderId)).toHaveLength(0);
    expect(await refundsFor(unknownOrder.orderId)).toHaveLength(0);
  });

  it('a provider that keeps failing transiently -> retried, then the cancellation is dead-lettered and nothing is refunded', async () => {
    const invoice = await settled('5');
    sandbox.injectTransientFaults({ times: 100, phase: 'before', operation: 'refund' });
    const cancelled = orderCancelled(invoice.orderId);
    await publishEventForTest(kafka.brokers, cancelled);
    const dead = await waitFor(() => reader.on(`${Topics.OrderCancelled}.dlq`).find((m) => (m.value as { id?: string }).id === cancelled.id), {
      timeoutMs: 60_000,
      description: 'OrderCancelled in the DLQ',
    });
    expect(dead.value).toMatchObject({ id: cancelled.id, payload: { orderId: invoice.orderId } });
    expect(await refundsFor(invoice.orderId)).toHaveLength(0);
    expect(providerChargeOf(invoice.payload.invoiceId)).toMatchObject({ refundedMinor: 0 });
    expect(eventsFor(Topics.PaymentRefunded, invoice.orderId)).toHaveLength(0);
  }, 90_000);
});
