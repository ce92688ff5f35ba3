import { createEvent, type OrderCancelledPayload, Topics, type TypedEvent } from '@order-platform/contracts';
import { inboxHas, publishEventForTest, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { billingService } from '../src/billing.service-definition';

function cartUpdated(orderId: string, paymentTerms?: 'card' | 'cash'): TypedEvent<'CartUpdated'> {
  return createEvent(
    Topics.CartUpdated,
    {
      orderId,
      customerId: '5',
      customer: { customerId: '5', name: 'Noa Levi', email: 'noa@example.com', phone: '0541111111', shippingAddress: '5 Herzl St, Tel Aviv' },
      currency: 'USD',
      items: [{ productId: 'margherita', quantity: 2, unitPriceMinor: 1200, lineTotalMinor: 2400 }],
      subtotalMinor: 1967,
      taxMinor: 433,
      totalMinor: 2400,
      ...(paymentTerms ? { paymentTerms } : {}),
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

describe('billing: OrderCancelled voids the order invoice (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let billing: Awaited<ReturnType<typeof startServiceForTest>>;
  let reader: TopicReader;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('billing');
    billing = await startServiceForTest(billingService, { brokers: kafka.brokers, databaseUrl: database.url });
    reader = await TopicReader.start(kafka.brokers, [Topics.InvoiceCreated, Topics.InvoiceVoided]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await reader?.stop();
    await billing?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  const eventsFor = (topic: string, orderId: string) => reader.on(topic).filter((m) => (m.value as { orderId?: string }).orderId === orderId);
  const invoiceOf = async (orderId: string) =>
    (await sql.query(`SELECT status, void_reason, payment_terms FROM "${billing.schema}".invoices WHERE order_id = $1`, [orderId])).rows[0] as
      | { status: string; void_reason: string | null; payment_terms: string }
      | undefined;
  const handled = (event: { id: string }) =>
    waitFor(() => inboxHas(database.url, billing.schema, 'billing', event.id), { timeoutMs: 30_000, description: `event ${event.id} handled` });

  async function invoicedOrder(paymentTerms?: 'card' | 'cash'): Promise<string> {
    const orderId = randomUUID();
    await publishEventForTest(kafka.brokers, cartUpdated(orderId, paymentTerms));
    await waitFor(() => eventsFor(Topics.InvoiceCreated, orderId)[0], { timeoutMs: 30_000, description: 'InvoiceCreated' });
    return orderId;
  }

  it('voids the invoice once and publishes one InvoiceVoided, also when the cancellation is redelivered', async () => {
    const orderId = await invoicedOrder();
    const cancelled = orderCancelled(orderId);
    await publishEventForTest(kafka.brokers, cancelled);
    const voided = await waitFor(() => eventsFor(Topics.InvoiceVoided, orderId)[0], { timeoutMs: 30_000, description: 'InvoiceVoided' });
    expect(voided.value).toMatchObject({ correlationId: cancelled.correlationId, payload: { orderId, reason: 'order_cancelled: Kitchen closed' } });
    expect(await invoiceOf(orderId)).toMatchObject({ status: 'voided', void_reason: 'order_cancelled: Kitchen closed' });

    // The same event again, and a second cancellation with a new id: neither voids anew.
    await publishEventForTest(kafka.brokers, cancelled);
    const again = orderCancelled(orderId, { reason: 'Cancelled twice' });
    await publishEventForTest(kafka.brokers, again);
    await handled(again);
    expect(eventsFor(Topics.InvoiceVoided, orderId)).toHaveLength(1);
    expect(await invoiceOf(orderId)).toMatchObject({ status: 'voided', void_reason: 'order_cancelled: Kitchen closed' });
  });

  it('voids a cash order invoice (payment terms cash are accepted end to end)', async () => {
    const orderId = await invoicedOrder('cash');
    expect(await invoiceOf(orderId)).toMatchObject({ status: 'issued', payment_terms: 'cash' });
    const created = eventsFor(Topics.InvoiceCreated, orderId)[0];
    expect(created?.value).toMatchObject({ payload: { paymentTerms: 'cash' } });

    await publishEventForTest(kafka.brokers, orderCancelled(orderId, { refundRequired: false }));
    await waitFor(() => eventsFor(Topics.InvoiceVoided, orderId)[0], { timeoutMs: 30_000, description: 'InvoiceVoided' });
    expect(await invoiceOf(orderId)).toMatchObject({ status: 'voided' });
  });

  it('a cancelled order without an invoice is handled and voids nothing', async () => {
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId, { refundRequired: false, cancelledBy: 'customer' });
    await publishEventForTest(kafka.brokers, cancelled);
    await handled(cancelled);
    expect(await invoiceOf(orderId)).toBeUndefined();
    expect(eventsFor(Topics.InvoiceVoided, orderId)).toHaveLength(0);
  });
});
