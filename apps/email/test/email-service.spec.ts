import { type CommandReply, Commands, type SendNotificationResponse, Topics, type TypedEvent } from '@order-platform/contracts';
import { CommandClientForTest, inboxHas, publishEventForTest, startServiceForTest, tablesOf, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, startTestSmtp, type TestDatabase, type TestKafka, type TestPostgres, type TestSmtp, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { emailService } from '../src/email.service-definition';
import { messageIdFor, notificationKey } from '../src/notifications';
import { checkoutEvents } from './order-events.fixture';

type Service = Awaited<ReturnType<typeof startServiceForTest>>;

async function metric(service: Service, name: string, labels: string[]): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && labels.every((label) => l.includes(label)));
  return line ? Number(line.split(' ').pop()) : 0;
}

describe('email service (real PostgreSQL + Kafka-protocol broker + SMTP server)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let smtp: TestSmtp;
  let service: Service;
  let events: TopicReader;
  let commands: CommandClientForTest;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres, smtp] = await Promise.all([startTestKafka(), startTestPostgres(), startTestSmtp()]);
    database = await postgres.createDatabase('email');
    service = await startServiceForTest(emailService, { brokers: kafka.brokers, databaseUrl: database.url }, { SMTP_URL: smtp.url, SMTP_FROM: 'Orders <no-reply@orders.test>' });
    events = await TopicReader.start(kafka.brokers, [Topics.EmailSent]);
    commands = await CommandClientForTest.connect(kafka.brokers, [Commands.Email.SendNotification]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await commands?.close();
    await events?.stop();
    await service?.close();
    await smtp?.stop();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

  async function publishAndWait(event: TypedEvent): Promise<void> {
    await publishEventForTest(kafka.brokers, event);
    await waitFor(() => inboxHas(database.url, service.schema, 'email', event.id), { timeoutMs: 30_000, description: `${event.type} in the inbox` });
  }

  it('migrates its own schema with the notification log', async () => {
    expect(await tablesOf(database.url, service.schema)).toEqual(
      expect.arrayContaining(['migrations', 'outbox', 'processed_events', 'notifications', 'order_contacts']),
    );
  });

  it('mails InvoiceCreated, PaymentProcessed and OrderShipped exactly once each, also when every event is redelivered', async () => {
    const orderId = randomUUID();
    const email = `buyer-${orderId.slice(0, 8)}@example.com`;
    const flow = checkoutEvents(orderId, email);
    await publishAndWait(flow.cartUpdated);
    for (const event of [flow.invoiceCreated, flow.paymentProcessed, flow.orderShipped]) await publishEventForTest(kafka.brokers, event);

    await waitFor(() => mailsTo(email).length >= 3, { timeoutMs: 30_000, description: 'three mails' });
    const subjects = mailsTo(email).map((m) => m.subject).sort();
    expect(subjects).toEqual([
      `Invoice INV-2026-000042 for order ${orderId}`,
      `Payment received for order ${orderId}`,
      `Your order ${orderId} is on its way`,
    ]);
    const shippedMail = mailsTo(email).find((m) => m.subject.includes('on its way'));
    expect(shippedMail?.text).toContain('12345674');
    expect(shippedMail?.text).toContain('Hello Lital Hay,');
    expect(shippedMail?.from).toBe('no-reply@orders.test');
    expect(shippedMail?.headers['x-notification-key']).toBe(`${flow.orderShipped.id}/order-shipped`);
    expect(shippedMail?.messageId).toMatch(/^<[0-9a-f]{32}@orders\.test>$/);

    const sent = await waitFor(() => {
      const mine = events.on(Topics.EmailSent).filter((m) => m.key === orderId);
      return mine.length >= 3 ? mine : undefined;
    }, { timeoutMs: 20_000, description: 'three EmailSent events' });
    expect(sent.map((m) => (m.value as TypedEvent<'EmailSent'>).payload.template).sort()).toEqual(['invoice-created', 'order-shipped', 'payment-received']);
    expect((sent[0].value as TypedEvent<'EmailSent'>).payload.recipient).toBe(email);

    const log = await sql.query(`SELECT template, status, attempts, message_id FROM "${service.schema}".notifications WHERE order_id = $1 ORDER BY template`, [orderId]);
    expect(log.rows.map((r) => [r.template, r.status, r.attempts])).toEqual([
      ['invoice-created', 'sent', 1],
      ['order-shipped', 'sent', 1],
      ['payment-received', 'sent', 1],
    ]);
    expect(log.rows.every((r) => typeof r.message_id === 'string' && r.message_id.startsWith('<'))).toBe(true);

    const duplicates = () =>
      Promise.all(['InvoiceCreated', 'PaymentProcessed', 'OrderShipped'].map((topic) => metric(service, 'events_handled_total', [`topic="${topic}"`, 'outcome="duplicate"'])));
    const before = await duplicates();
    for (const event of [flow.invoiceCreated, flow.paymentProcessed, flow.orderShipped]) await publishEventForTest(kafka.brokers, event);
    await waitFor(async () => (await duplicates()).every((count, i) => count > before[i]), { timeoutMs: 20_000, description: 'three redeliveries handled' });
    expect(mailsTo(email)).toHaveLength(3);
    expect(events.on(Topics.EmailSent).filter((m) => m.key === orderId)).toHaveLength(3);
  });

  it('re-sends a notification left pending by a crash mid-send, with the same Message-ID', async () => {
    const orderId = randomUUID();
    const email = `crash-${orderId.slice(0, 8)}@example.com`;
    const { paymentProcessed } = checkoutEvents(orderId, email);
    const key = notificationKey(paymentProcessed.id, 'payment-received');
    // The state a crash leaves after the relay accepted the mail but before 'sent' committed:
    // the event is in the inbox and its notification is logged as pending.
    await sql.query(`INSERT INTO "${service.schema}".processed_events (consumer_group, event_id, event_type) VALUES ('email', $1, 'PaymentProcessed')`, [paymentProcessed.id]);
    await sql.query(
      `INSERT INTO "${service.schema}".notifications (id, notification_key, template, event_id, event_type, order_id, correlation_id, recipient, subject, text_body, html_body, status)
       VALUES ($1, $2, 'payment-received', $3, 'PaymentProcessed', $4, $5, $6, 'Payment received', 'text', '<p>html</p>', 'pending')`,
      [randomUUID(), key, paymentProcessed.id, orderId, paymentProcessed.correlationId, email],
    );

    await publishEventForTest(kafka.brokers, paymentProcessed);
    const [mail] = await waitFor(() => (mailsTo(email).length === 1 ? mailsTo(email) : undefined), { timeoutMs: 30_000, description: 'the re-sent mail' });
    expect(mail.messageId).toBe(messageIdFor(key, 'orders.test'));
    expect(mail.headers['x-notification-key']).toBe(key);
    await waitFor(async () => (await sql.query(`SELECT 1 FROM "${service.schema}".notifications WHERE notification_key = $1 AND status = 'sent'`, [key])).rowCount === 1, {
      description: 'the row marked sent',
    });
  });

  it('records a mail for an order without a known address as awaiting its contact, with the event to plan it from, and sends nothing', async () => {
    const orderId = randomUUID();
    const { paymentProcessed } = checkoutEvents(orderId, 'unused@example.com');
    const mailsBefore = smtp.messages.length;
    await publishAndWait(paymentProcessed);
    const log = await sql.query(`SELECT template, status, recipient, last_error, planned_from FROM "${service.schema}".notifications WHERE order_id = $1`, [orderId]);
    expect(log.rows).toEqual([
      {
        template: 'payment-received',
        status: 'awaiting_contact',
        recipient: null,
        last_error: 'no recipient known for the order yet',
        planned_from: expect.objectContaining({ id: paymentProcessed.id, type: 'PaymentProcessed', payload: expect.objectContaining({ orderId }) }),
      },
    ]);
    expect(smtp.messages.length).toBe(mailsBefore);
  });

  it('email.send-notification sends one mail and answers OK; the same idempotency key sends nothing more', async () => {
    const email = `info-${randomUUID().slice(0, 8)}@example.com`;
    const request = { event: 'InvoiceCreated', name: 'Lital Hay', email, idempotencyKey: randomUUID() };
    const first = await commands.send<CommandReply<SendNotificationResponse>>(Commands.Email.SendNotification, request, email);
    expect(first).toEqual({ ok: true, data: { status: 'OK', notificationId: expect.any(String) } });
    const [mail] = await waitFor(() => (mailsTo(email).length === 1 ? mailsTo(email) : undefined), { description: 'the informational mail' });
    expect(mail.subject).toBe('Your invoice is ready');
    expect(mail.text).toContain('Hello Lital Hay,');

    const again = await commands.send<CommandReply<SendNotificationResponse>>(Commands.Email.SendNotification, request, email);
    expect(again).toEqual(first);
    const other = await commands.send<CommandReply<SendNotificationResponse>>(Commands.Email.SendNotification, { ...request, idempotencyKey: undefined }, email);
    expect(other.ok).toBe(true);
    await waitFor(() => mailsTo(email).length === 2, { description: 'a second mail without a key' });
    expect(mailsTo(email)).toHaveLength(2);
  });

  it('email.send-notification names each invalid field', async () => {
    const reply = await commands.send<CommandReply<SendNotificationResponse>>(Commands.Email.SendNotification, { event: 'Nope', email: 'not-an-address' }, 'k');
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('VALIDATION_FAILED');
    expect((reply.error.details as Array<{ path: string }>).map((d) => d.path)).toEqual(expect.arrayContaining(['event', 'name', 'email']));
  });

  it('serves /health, /health/ready and /metrics', async () => {
    expect(await (await fetch(`${service.url}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
    expect(await (await fetch(`${service.url}/metrics`)).text()).toContain('service="email"');
  });
});

describe('email service when the SMTP relay refuses at first', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let smtp: TestSmtp;
  let service: Service;

  beforeAll(async () => {
    [kafka, postgres, smtp] = await Promise.all([startTestKafka(), startTestPostgres(), startTestSmtp({ rejectFirst: 2 })]);
    database = await postgres.createDatabase('email');
    service = await startServiceForTest(emailService, { brokers: kafka.brokers, databaseUrl: database.url }, { SMTP_URL: smtp.url });
  }, 90_000);

  afterAll(async () => {
    await service?.close();
    await smtp?.stop();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  it('retries the send with the same key and delivers the mail once', async () => {
    const orderId = randomUUID();
    const email = `retry-${orderId.slice(0, 8)}@example.com`;
    const { invoiceCreated } = checkoutEvents(orderId, email);
    await publishEventForTest(kafka.brokers, { ...invoiceCreated, payload: { ...invoiceCreated.payload, customerEmail: email } });

    const [mail] = await smtp.waitForMessages(1, 30_000);
    expect(mail.to).toEqual([email]);
    const sql = new Client({ connectionString: database.url });
    await sql.connect();
    try {
      const row = await waitFor(async () => {
        const result = await sql.query(`SELECT status, attempts FROM "${service.schema}".notifications WHERE order_id = $1`, [orderId]);
        return result.rows[0]?.status === 'sent' ? result.rows[0] : undefined;
      }, { description: 'the notification marked sent' });
      // Two refusals (451) recorded on the row, then the accepted send.
      expect(row).toEqual({ status: 'sent', attempts: 3 });
    } finally {
      await sql.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.messages).toHaveLength(1);
  }, 60_000);
});
