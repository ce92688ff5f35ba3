import {
  type CommandReply,
  Commands,
  createEvent,
  type IssueInvoiceRequest,
  type IssueInvoiceResponse,
  Topics,
  type TypedEvent,
} from '@order-platform/contracts';
import { CommandClientForTest, inboxHas, publishEventForTest, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { billingService } from '../src/billing.service-definition';

function cartUpdated(orderId: string): TypedEvent<'CartUpdated'> {
  return createEvent(
    Topics.CartUpdated,
    {
      orderId,
      customerId: '8080',
      customer: {
        customerId: '8080',
        name: 'Lital Hay',
        email: 'lital@example.com',
        phone: '0545870006',
        shippingAddress: '17 boulevard, 123 apt 6 Brooklyn NY',
      },
      currency: 'USD',
      items: [
        { productId: '1234', quantity: 2, unitPriceMinor: 5000, lineTotalMinor: 10000 },
        { productId: '2345', quantity: 1, unitPriceMinor: 10000, lineTotalMinor: 10000 },
      ],
      subtotalMinor: 16400,
      taxMinor: 3600,
      totalMinor: 20000,
    },
    { correlationId: `test-${orderId}` },
  );
}

function issueRequest(orderId: string, overrides: Partial<IssueInvoiceRequest> = {}): IssueInvoiceRequest {
  return {
    orderId,
    customerId: '8080',
    currency: 'USD',
    subtotalMinor: 16400,
    taxMinor: 3600,
    totalMinor: 20000,
    items: [
      { productId: '1234', quantity: 2, unitPriceMinor: 5000 },
      { productId: '2345', quantity: 1, unitPriceMinor: 10000 },
    ],
    name: 'Lital Hay',
    phone: '0545870006',
    shippingAddress: '17 boulevard, 123 apt 6 Brooklyn NY',
    ...overrides,
  };
}

describe('billing: issue-invoice command and voiding (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let billing: Awaited<ReturnType<typeof startServiceForTest>>;
  let commands: CommandClientForTest;
  let reader: TopicReader;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('billing');
    billing = await startServiceForTest(billingService, { brokers: kafka.brokers, databaseUrl: database.url });
    commands = await CommandClientForTest.connect(kafka.brokers, [Commands.Billing.IssueInvoice]);
    reader = await TopicReader.start(kafka.brokers, [Topics.InvoiceCreated, Topics.InvoiceVoided]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await reader?.stop();
    await commands?.close();
    await billing?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  const issue = (request: object, orderId: string) =>
    commands.send<CommandReply<IssueInvoiceResponse>>(Commands.Billing.IssueInvoice, request, orderId, 30_000);

  async function invoicesFor(orderId: string) {
    return (await sql.query(`SELECT * FROM "${billing.schema}".invoices WHERE order_id = $1`, [orderId])).rows;
  }

  const createdFor = (orderId: string) => reader.on(Topics.InvoiceCreated).filter((m) => (m.value as { orderId?: string }).orderId === orderId);

  it('issue-invoice before CartUpdated creates the invoice; the later CartUpdated adds none', async () => {
    const orderId = randomUUID();
    const reply = await issue(issueRequest(orderId), orderId);
    expect(reply).toMatchObject({ ok: true, data: { orderId, customerId: '8080', totalMinor: 20000, currency: 'USD', created: true } });
    const invoiceId = reply.ok ? reply.data.invoiceId : '';

    const again = await issue(issueRequest(orderId), orderId);
    expect(again).toMatchObject({ ok: true, data: { invoiceId, created: false } });

    const event = cartUpdated(orderId);
    await publishEventForTest(kafka.brokers, event);
    await waitFor(() => inboxHas(database.url, billing.schema, 'billing', event.id), { timeoutMs: 30_000, description: 'CartUpdated handled' });

    const rows = await invoicesFor(orderId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: invoiceId, source: 'command', customer_name: 'Lital Hay', shipping_address: '17 boulevard, 123 apt 6 Brooklyn NY' });
    const [created] = await waitFor(() => (createdFor(orderId).length > 0 ? createdFor(orderId) : undefined), {
      timeoutMs: 20_000,
      description: 'InvoiceCreated',
    });
    expect(created.value).toMatchObject({
      payload: { invoiceId, customerName: 'Lital Hay', customerPhone: '0545870006', shippingAddress: '17 boulevard, 123 apt 6 Brooklyn NY', paymentTerms: 'card' },
    });
    expect(createdFor(orderId)).toHaveLength(1);
  });

  it('issue-invoice after CartUpdated returns that invoice with the snapshot contact, and refuses other totals', async () => {
    const orderId = randomUUID();
    await publishEventForTest(kafka.brokers, cartUpdated(orderId));
    const [row] = await waitFor(async () => {
      const rows = await invoicesFor(orderId);
      return rows.length > 0 ? rows : undefined;
    }, { timeoutMs: 30_000, description: 'invoice from CartUpdated' });

    const reply = await issue(issueRequest(orderId), orderId);
    expect(reply).toEqual({
      ok: true,
      data: { invoiceId: row.id, invoiceNumber: row.number, orderId, customerId: '8080', totalMinor: 20000, currency: 'USD', created: false },
    });

    const contradicting = await issue(issueRequest(orderId, { subtotalMinor: 24400, totalMinor: 28000, taxMinor: 3600 }), orderId);
    expect(contradicting).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await invoicesFor(orderId)).toHaveLength(1);

    const created = await waitFor(() => createdFor(orderId)[0], { timeoutMs: 20_000, description: 'InvoiceCreated' });
    expect(created.value).toMatchObject({ payload: { customerName: 'Lital Hay', customerEmail: 'lital@example.com', customerPhone: '0545870006' } });
  });

  it('answers VALIDATION_FAILED naming the bad fields', async () => {
    const orderId = randomUUID();
    const { name: _name, ...withoutName } = issueRequest(orderId);
    const reply = await issue({ ...withoutName, items: [{ productId: '1234', quantity: 0, unitPriceMinor: 5000 }] }, orderId);
    expect(reply.ok).toBe(false);
    const paths = reply.ok ? [] : (reply.error.details as Array<{ path: string }>).map((d) => d.path);
    expect(reply).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(paths).toEqual(expect.arrayContaining(['name', 'items.0.quantity']));

    const badTotal = await issue(issueRequest(orderId, { totalMinor: 20001 }), orderId);
    expect(badTotal).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ path: 'totalMinor' }] } });
    expect(await invoicesFor(orderId)).toHaveLength(0);
  });

  it('PaymentFailed voids the invoice once and publishes InvoiceVoided; the number is kept', async () => {
    const orderId = randomUUID();
    const reply = await issue(issueRequest(orderId), orderId);
    if (!reply.ok) throw new Error(`issue failed: ${reply.error.message}`);
    const failed = createEvent(
      Topics.PaymentFailed,
      {
        orderId,
        paymentId: '1071573807',
        invoiceId: reply.data.invoiceId,
        amountMinor: 20000,
        currency: 'USD',
        reasonCode: 'card_declined',
        reason: 'Your card was declined.',
        retryable: false,
        failedAt: new Date().toISOString(),
      },
      { correlationId: `test-${orderId}` },
    );
    await publishEventForTest(kafka.brokers, failed);
    await publishEventForTest(kafka.brokers, failed);

    const voided = await waitFor(
      () => reader.on(Topics.InvoiceVoided).find((m) => (m.value as { orderId?: string }).orderId === orderId),
      { timeoutMs: 30_000, description: 'InvoiceVoided' },
    );
    expect(voided.value).toMatchObject({
      correlationId: `test-${orderId}`,
      payload: { invoiceId: reply.data.invoiceId, invoiceNumber: reply.data.invoiceNumber, reason: 'card_declined: Your card was declined.' },
    });
    const [row] = await invoicesFor(orderId);
    expect(row).toMatchObject({ status: 'voided', number: reply.data.invoiceNumber, void_reason: 'card_declined: Your card was declined.' });
    expect(row.voided_at).toBeInstanceOf(Date);

    // A second, distinct PaymentFailed for the same order leaves the voided invoice alone.
    const later = createEvent(Topics.PaymentFailed, failed.payload, { correlationId: failed.correlationId });
    await publishEventForTest(kafka.brokers, later);
    await waitFor(() => inboxHas(database.url, billing.schema, 'billing', later.id), { timeoutMs: 30_000, description: 'second PaymentFailed handled' });
    expect(reader.on(Topics.InvoiceVoided).filter((m) => (m.value as { orderId?: string }).orderId === orderId)).toHaveLength(1);
  });
});
