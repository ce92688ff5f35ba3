import { Topics, type TypedEvent } from '@order-platform/contracts';
import { inboxHas, publishEventForTest, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, startTestSmtp, type TestDatabase, type TestKafka, type TestPostgres, type TestSmtp, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { emailService } from '../src/email.service-definition';
import { checkoutEvents } from './order-events.fixture';

type Service = Awaited<ReturnType<typeof startServiceForTest>>;

// Events of one order travel on different topics, so the mails' events can overtake the
// CartUpdated that names the customer. Those mails wait for the contact and are sent when it comes.
describe('email service when the order contact arrives after the events to mail about', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let smtp: TestSmtp;
  let service: Service;
  let events: TopicReader;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres, smtp] = await Promise.all([startTestKafka(), startTestPostgres(), startTestSmtp()]);
    database = await postgres.createDatabase('email');
    service = await startServiceForTest(emailService, { brokers: kafka.brokers, databaseUrl: database.url }, { SMTP_URL: smtp.url, SMTP_FROM: 'Orders <no-reply@orders.test>' });
    events = await TopicReader.start(kafka.brokers, [Topics.EmailSent]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await events?.stop();
    await service?.close();
    await smtp?.stop();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
  const emailSentOf = (orderId: string) => events.on(Topics.EmailSent).filter((m) => m.key === orderId);
  const logOf = async (orderId: string) =>
    (await sql.query(`SELECT template, status, attempts FROM "${service.schema}".notifications WHERE order_id = $1 ORDER BY template`, [orderId])).rows;

  async function publishAndWait(event: TypedEvent): Promise<void> {
    await publishEventForTest(kafka.brokers, event);
    await waitFor(() => inboxHas(database.url, service.schema, 'email', event.id), { timeoutMs: 30_000, description: `${event.type} in the inbox` });
  }

  async function handledCount(type: string, outcome: 'processed' | 'duplicate'): Promise<number> {
    const text = await (await fetch(`${service.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('events_handled_total{') && l.includes(`topic="${type}"`) && l.includes(`outcome="${outcome}"`));
    return line ? Number(line.split(' ').pop()) : 0;
  }

  it('holds OrderShipped, PaymentProcessed and InvoiceCreated until CartUpdated, then mails each once; redelivery mails nothing more', async () => {
    const orderId = randomUUID();
    const email = `late-${orderId.slice(0, 8)}@example.com`;
    const flow = checkoutEvents(orderId, email);
    // The fixture's InvoiceCreated carries no customer address.
    for (const event of [flow.orderShipped, flow.paymentProcessed, flow.invoiceCreated]) await publishAndWait(event);

    expect(await logOf(orderId)).toEqual([
      { template: 'invoice-created', status: 'awaiting_contact', attempts: 0 },
      { template: 'order-shipped', status: 'awaiting_contact', attempts: 0 },
      { template: 'payment-received', status: 'awaiting_contact', attempts: 0 },
    ]);
    expect(mailsTo(email)).toHaveLength(0);

    await publishEventForTest(kafka.brokers, flow.cartUpdated);
    await waitFor(() => mailsTo(email).length >= 3, { timeoutMs: 30_000, description: 'three mails once the contact is known' });
    expect(mailsTo(email).map((m) => m.subject).sort()).toEqual([
      `Invoice INV-2026-000042 for order ${orderId}`,
      `Payment received for order ${orderId}`,
      `Your order ${orderId} is on its way`,
    ]);
    const shipped = mailsTo(email).find((m) => m.subject.includes('on its way'));
    expect(shipped?.text).toContain('Hello Lital Hay,');
    expect(shipped?.text).toContain('12345674');
    expect(shipped?.headers['x-notification-key']).toBe(`${flow.orderShipped.id}/order-shipped`);
    expect(shipped?.messageId).toMatch(/^<[0-9a-f]{32}@orders\.test>$/);

    const sent = await waitFor(() => (emailSentOf(orderId).length >= 3 ? emailSentOf(orderId) : undefined), { timeoutMs: 20_000, description: 'three EmailSent events' });
    expect(sent.map((m) => (m.value as TypedEvent<'EmailSent'>).payload.template).sort()).toEqual(['invoice-created', 'order-shipped', 'payment-received']);
    expect(sent.map((m) => (m.value as TypedEvent<'EmailSent'>).payload.triggeredByEventId).sort()).toEqual(
      [flow.invoiceCreated.id, flow.orderShipped.id, flow.paymentProcessed.id].sort(),
    );
    expect(await logOf(orderId)).toEqual([
      { template: 'invoice-created', status: 'sent', attempts: 1 },
      { template: 'order-shipped', status: 'sent', attempts: 1 },
      { template: 'payment-received', status: 'sent', attempts: 1 },
    ]);

    const types = ['CartUpdated', 'InvoiceCreated', 'PaymentProcessed', 'OrderShipped'];
    const before = await Promise.all(types.map((type) => handledCount(type, 'duplicate')));
    for (const event of [flow.orderShipped, flow.paymentProcessed, flow.invoiceCreated, flow.cartUpdated]) await publishEventForTest(kafka.brokers, event);
    await waitFor(async () => (await Promise.all(types.map((type) => handledCount(type, 'duplicate')))).every((count, i) => count > before[i]), {
      timeoutMs: 20_000,
      description: 'four redeliveries handled',
    });
    expect(mailsTo(email)).toHaveLength(3);
    expect(emailSentOf(orderId)).toHaveLength(3);
  }, 60_000);

  it('sends the waiting mail with the InvoiceCreated that brings an address, and nothing more when CartUpdated follows', async () => {
    const orderId = randomUUID();
    const email = `invoice-first-${orderId.slice(0, 8)}@example.com`;
    const flow = checkoutEvents(orderId, email);
    await publishAndWait(flow.paymentProcessed);
    expect(await logOf(orderId)).toEqual([{ template: 'payment-received', status: 'awaiting_contact', attempts: 0 }]);

    await publishAndWait({ ...flow.invoiceCreated, payload: { ...flow.invoiceCreated.payload, customerEmail: email, customerName: 'Lital Hay' } });
    await waitFor(() => mailsTo(email).length >= 2, { timeoutMs: 30_000, description: 'invoice and payment mails' });
    expect(mailsTo(email).map((m) => m.subject).sort()).toEqual([`Invoice INV-2026-000042 for order ${orderId}`, `Payment received for order ${orderId}`]);

    const processed = await handledCount('CartUpdated', 'processed');
    await publishEventForTest(kafka.brokers, flow.cartUpdated);
    await waitFor(async () => (await handledCount('CartUpdated', 'processed')) > processed, { timeoutMs: 20_000, description: 'CartUpdated handled' });
    expect(mailsTo(email)).toHaveLength(2);
    expect(await logOf(orderId)).toEqual([
      { template: 'invoice-created', status: 'sent', attempts: 1 },
      { template: 'payment-received', status: 'sent', attempts: 1 },
    ]);
  }, 60_000);
});
