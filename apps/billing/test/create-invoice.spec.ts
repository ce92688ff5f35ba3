import { createEvent, dlqTopic, eventHeaders, Topics, type TypedEvent } from '@order-platform/contracts';
import { startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { billingService } from '../src/billing.service-definition';

function cartUpdated(orderId = randomUUID()): TypedEvent<'CartUpdated'> {
  return createEvent(
    Topics.CartUpdated,
    {
      orderId,
      customerId: '8080',
      currency: 'USD',
      items: [
        { productId: '1234', quantity: 2, unitPriceMinor: 5000, lineTotalMinor: 10000 },
        { productId: '2345', quantity: 1, unitPriceMinor: 10000, lineTotalMinor: 10000 },
      ],
      subtotalMinor: 16393,
      taxMinor: 3607,
      totalMinor: 20000,
    },
    { correlationId: `test-${orderId}` },
  );
}

describe('billing: CartUpdated -> invoice (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let billing: Awaited<ReturnType<typeof startServiceForTest>>;
  let producer: Producer;
  let reader: TopicReader;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('billing');
    billing = await startServiceForTest(billingService, { brokers: kafka.brokers, databaseUrl: database.url });
    producer = new Kafka({ clientId: 'billing-test', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    reader = await TopicReader.start(kafka.brokers, [Topics.InvoiceCreated, dlqTopic(Topics.CartUpdated)]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await reader?.stop();
    await producer?.disconnect();
    await billing?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  async function publish(event: { orderId: string }, headers: Record<string, string> = {}): Promise<void> {
    await producer.send({ topic: Topics.CartUpdated, messages: [{ key: event.orderId, value: JSON.stringify(event), headers }] });
  }

  async function invoicesFor(orderId: string) {
    return (await sql.query(`SELECT * FROM "${billing.schema}".invoices WHERE order_id = $1`, [orderId])).rows;
  }

  it('creates exactly one invoice and publishes InvoiceCreated, even when the event is redelivered', async () => {
    const event = cartUpdated();
    await publish(event, eventHeaders(event));
    const [invoice] = await waitFor(async () => {
      const rows = await invoicesFor(event.orderId);
      return rows.length > 0 ? rows : undefined;
    }, { timeoutMs: 30_000, description: 'invoice row' });
    expect(invoice).toMatchObject({ customer_id: '8080', currency: 'USD', subtotal_minor: '16393', tax_minor: '3607', total_minor: '20000', status: 'issued' });
    expect(invoice.number).toMatch(/^INV-\d{4}-\d{6}$/);

    const lines = await sql.query(`SELECT tax_minor FROM "${billing.schema}".invoice_lines WHERE invoice_id = $1 ORDER BY line_no`, [invoice.id]);
    expect(lines.rows.map((r) => Number(r.tax_minor)).reduce((a, b) => a + b, 0)).toBe(3607);

    const created = await waitFor(() => reader.on(Topics.InvoiceCreated).find((m) => (m.value as { orderId?: string }).orderId === event.orderId), {
      timeoutMs: 20_000,
      description: 'InvoiceCreated',
    });
    expect(created.value).toMatchObject({ type: 'InvoiceCreated', correlationId: event.correlationId, payload: { invoiceNumber: invoice.number, totalMinor: 20000 } });

    // Redelivery: the same event again, then a second CartUpdated for the same order (new
    // event id, same key -> same partition, consumed after the duplicate). Once the marker is
    // in the inbox, the duplicate has certainly been handled.
    await publish(event, eventHeaders(event));
    const marker = createEvent(Topics.CartUpdated, event.payload, { correlationId: event.correlationId });
    await publish(marker, eventHeaders(marker));
    await waitFor(
      async () => (await sql.query(`SELECT 1 FROM "${billing.schema}".processed_events WHERE event_id = $1`, [marker.id])).rowCount === 1,
      { timeoutMs: 30_000, description: 'marker event processed' },
    );

    expect(await invoicesFor(event.orderId)).toHaveLength(1);
    const processed = await sql.query(`SELECT event_id FROM "${billing.schema}".processed_events WHERE event_id = ANY($1)`, [[event.id, marker.id]]);
    expect(processed.rows).toHaveLength(2);
    expect(reader.on(Topics.InvoiceCreated).filter((m) => (m.value as { orderId?: string }).orderId === event.orderId)).toHaveLength(1);
  });

  it("copies a group order member's deliveryRoundId onto the invoice and into InvoiceCreated", async () => {
    const grouped = cartUpdated();
    const event = createEvent(Topics.CartUpdated, { ...grouped.payload, channel: 'group', merchantId: '6', deliveryRoundId: '20' }, { correlationId: grouped.correlationId });
    const plain = cartUpdated();
    await publish(event, eventHeaders(event));
    await publish(plain, eventHeaders(plain));

    const created = await waitFor(() => reader.on(Topics.InvoiceCreated).find((m) => (m.value as { orderId?: string }).orderId === event.orderId), {
      timeoutMs: 30_000,
      description: 'InvoiceCreated of the group member',
    });
    expect((created.value as TypedEvent<'InvoiceCreated'>).payload.deliveryRoundId).toBe('20');
    const [invoice] = await invoicesFor(event.orderId);
    expect(invoice.delivery_round_id).toBe('20');

    // An order outside a group carries no round at all (not even null: the field is optional).
    const other = await waitFor(() => reader.on(Topics.InvoiceCreated).find((m) => (m.value as { orderId?: string }).orderId === plain.orderId), {
      timeoutMs: 30_000,
      description: 'InvoiceCreated of the plain order',
    });
    expect((other.value as TypedEvent<'InvoiceCreated'>).payload).not.toHaveProperty('deliveryRoundId');
    expect((await invoicesFor(plain.orderId))[0].delivery_round_id).toBeNull();
  });

  it('copies awaitsMerchantConfirmation onto the invoice and into InvoiceCreated', async () => {
    const base = cartUpdated();
    const event = createEvent(Topics.CartUpdated, { ...base.payload, channel: 'customer-app', merchantId: '6', awaitsMerchantConfirmation: true }, { correlationId: base.correlationId });
    const plain = cartUpdated();
    await publish(event, eventHeaders(event));
    await publish(plain, eventHeaders(plain));

    const created = await waitFor(() => reader.on(Topics.InvoiceCreated).find((m) => (m.value as { orderId?: string }).orderId === event.orderId), {
      timeoutMs: 30_000,
      description: 'InvoiceCreated of the customer-app order',
    });
    expect((created.value as TypedEvent<'InvoiceCreated'>).payload.awaitsMerchantConfirmation).toBe(true);
    const [invoice] = await invoicesFor(event.orderId);
    expect(invoice.awaits_merchant_confirmation).toBe(true);

    // Any other order carries no flag (absent, not false) and its invoice stores false.
    const other = await waitFor(() => reader.on(Topics.InvoiceCreated).find((m) => (m.value as { orderId?: string }).orderId === plain.orderId), {
      timeoutMs: 30_000,
      description: 'InvoiceCreated of the plain order',
    });
    expect((other.value as TypedEvent<'InvoiceCreated'>).payload).not.toHaveProperty('awaitsMerchantConfirmation');
    expect((await invoicesFor(plain.orderId))[0].awaits_merchant_confirmation).toBe(false);
  });

  it('sends an invalid envelope to CartUpdated.dlq and keeps consuming', async () => {
    const orderId = randomUUID();
    const invalid = { orderId, type: 'CartUpdated', payload: { nonsense: true } };
    await publish(invalid);
    const dead = await waitFor(() => reader.on(dlqTopic(Topics.CartUpdated)).find((m) => m.key === orderId), {
      timeoutMs: 30_000,
      description: 'dead letter',
    });
    expect(dead.headers).toMatchObject({ 'x-dlq-original-topic': Topics.CartUpdated });

    const after = cartUpdated();
    await publish(after, eventHeaders(after));
    await waitFor(async () => (await invoicesFor(after.orderId)).length === 1, { timeoutMs: 30_000, description: 'invoice after poison message' });
    expect(await invoicesFor(orderId)).toHaveLength(0);
  });

  it('is ready when database and Kafka answer', async () => {
    const ready = await fetch(`${billing.url}/health/ready`);
    expect(ready.status).toBe(200);
  });
});
