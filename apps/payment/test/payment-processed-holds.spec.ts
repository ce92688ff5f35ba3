import { createEvent, type InvoiceCreatedPayload, Topics, type TypedEvent } from '@order-platform/contracts';
import { publishEventForTest, type ReadMessage, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { paymentService } from '../src/payment.service-definition';

function invoiceCreated(customerId: string, overrides: Partial<InvoiceCreatedPayload> = {}): TypedEvent<'InvoiceCreated'> {
  const orderId = randomUUID();
  return createEvent(
    Topics.InvoiceCreated,
    {
      orderId,
      invoiceId: randomUUID(),
      invoiceNumber: 'INV-2026-000001',
      customerId,
      currency: 'EUR',
      lines: [{ description: 'Pizza Margherita (large)', productId: '1', quantity: 2, unitPriceMinor: 810, taxMinor: 292, totalMinor: 1620 }],
      subtotalMinor: 1328,
      taxMinor: 292,
      totalMinor: 1620,
      issuedAt: new Date().toISOString(),
      customerName: 'Bob Norman',
      ...overrides,
    },
    { correlationId: `test-${orderId}` },
  );
}

/**
 * Shipment may handle PaymentProcessed before InvoiceCreated (two topics), so the payment
 * carries the invoice's shipping holds.
 */
describe('payment: PaymentProcessed carries the invoice shipping holds (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let service: Awaited<ReturnType<typeof startServiceForTest>>;
  let reader: TopicReader;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('payment_holds');
    service = await startServiceForTest(paymentService, { brokers: kafka.brokers, databaseUrl: database.url }, { DEMO_DATA: 'true' });
    reader = await TopicReader.start(kafka.brokers, [Topics.PaymentProcessed]);
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

  const processedFor = (orderId: string): ReadMessage | undefined =>
    reader.on(Topics.PaymentProcessed).find((m) => (m.value as { orderId?: string }).orderId === orderId);

  async function paymentOf(event: TypedEvent<'InvoiceCreated'>): Promise<TypedEvent<'PaymentProcessed'>> {
    await publishEventForTest(kafka.brokers, event);
    const message = await waitFor(() => processedFor(event.orderId), { timeoutMs: 30_000, description: `PaymentProcessed for ${event.orderId}` });
    return message.value as TypedEvent<'PaymentProcessed'>;
  }

  it('a card payment (provider call) carries awaitsMerchantConfirmation and the delivery round', async () => {
    const invoice = invoiceCreated('8080', { awaitsMerchantConfirmation: true, deliveryRoundId: '1765100000' });
    const processed = await paymentOf(invoice);
    expect(processed).toMatchObject({
      correlationId: invoice.correlationId,
      payload: { orderId: invoice.orderId, method: 'card', awaitsMerchantConfirmation: true, deliveryRoundId: '1765100000' },
    });
    const row = await sql.query(`SELECT delivery_round_id, awaits_merchant_confirmation FROM "${service.schema}".payable_invoices WHERE invoice_id = $1`, [
      invoice.payload.invoiceId,
    ]);
    expect(row.rows).toEqual([{ delivery_round_id: '1765100000', awaits_merchant_confirmation: true }]);
  });

  it('a cash order (settled without a provider call) carries the holds too', async () => {
    const invoice = invoiceCreated('5', { paymentTerms: 'cash', awaitsMerchantConfirmation: true });
    const processed = await paymentOf(invoice);
    expect(processed.payload).toMatchObject({ method: 'cash', awaitsMerchantConfirmation: true });
    expect(processed.payload).not.toHaveProperty('deliveryRoundId');
  });

  it('an invoice without holds gives a PaymentProcessed without the fields, as before', async () => {
    const invoice = invoiceCreated('8080');
    const processed = await paymentOf(invoice);
    expect(processed.payload).toMatchObject({ orderId: invoice.orderId, method: 'card' });
    expect(processed.payload).not.toHaveProperty('awaitsMerchantConfirmation');
    expect(processed.payload).not.toHaveProperty('deliveryRoundId');
  });
});
