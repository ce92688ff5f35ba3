import {
  type CommandReply,
  Commands,
  createEvent,
  dlqTopic,
  type IssueInvoiceResponse,
  type OrderCancelledPayload,
  Topics,
  type TypedEvent,
} from '@order-platform/contracts';
import { CommandClientForTest, inboxHas, publishEventForTest, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { billingService } from '../src/billing.service-definition';
import { CreateInvoiceService } from '../src/create-invoice/create-invoice.service';
import { VoidInvoiceService } from '../src/void-invoice/void-invoice.service';

function cartUpdated(orderId: string): TypedEvent<'CartUpdated'> {
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

describe('billing: an order cancelled before it is invoiced (real PostgreSQL + Kafka-protocol broker)', () => {
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
    reader = await TopicReader.start(kafka.brokers, [dlqTopic(Topics.CartUpdated)]);
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

  const rows = async (query: string, params: unknown[]) => (await sql.query(query.replace(/\$schema/g, `"${billing.schema}"`), params)).rows;
  const invoicesFor = (orderId: string) => rows(`SELECT * FROM $schema.invoices WHERE order_id = $1`, [orderId]);
  const cancellationOf = async (orderId: string) => (await rows(`SELECT * FROM $schema.cancelled_orders WHERE order_id = $1`, [orderId]))[0];
  // Every event billing publishes is written to the outbox first: none there, none ever sent.
  const outboxTopicsFor = async (orderId: string) => (await rows(`SELECT topic FROM $schema.outbox WHERE key = $1 ORDER BY seq`, [orderId])).map((r) => r.topic);
  const deadLettered = (orderId: string) => reader.on(dlqTopic(Topics.CartUpdated)).filter((m) => m.key === orderId);
  const handled = (event: { id: string }) =>
    waitFor(() => inboxHas(database.url, billing.schema, 'billing', event.id), { timeoutMs: 30_000, description: `event ${event.id} handled` });

  it('OrderCancelled first, then CartUpdated -> no invoice and no InvoiceCreated, the event handled once; also when both are redelivered', async () => {
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId);
    await publishEventForTest(kafka.brokers, cancelled);
    await handled(cancelled);
    expect(await cancellationOf(orderId)).toMatchObject({ reason: 'Customer changed their mind', cancelled_by: 'customer', cancellation_event_id: cancelled.id });

    const cart = cartUpdated(orderId);
    await publishEventForTest(kafka.brokers, cart);
    await handled(cart);
    expect(await invoicesFor(orderId)).toHaveLength(0);

    // Both events again, then markers with new ids: once the markers are handled, so are the duplicates.
    await publishEventForTest(kafka.brokers, cancelled);
    await publishEventForTest(kafka.brokers, cart);
    const cancelledAgain = orderCancelled(orderId, { reason: 'Cancelled twice', cancelledBy: 'operator' });
    const cartAgain = createEvent(Topics.CartUpdated, cart.payload, { correlationId: cart.correlationId });
    await publishEventForTest(kafka.brokers, cancelledAgain);
    await publishEventForTest(kafka.brokers, cartAgain);
    await handled(cancelledAgain);
    await handled(cartAgain);

    expect(await invoicesFor(orderId)).toHaveLength(0);
    expect(await outboxTopicsFor(orderId)).toEqual([]);
    expect(await cancellationOf(orderId)).toMatchObject({ reason: 'Customer changed their mind', cancellation_event_id: cancelled.id });
    expect(deadLettered(orderId)).toHaveLength(0);
  });

  it('billing.issue-invoice for an order cancelled first answers CONFLICT order_cancelled and creates nothing', async () => {
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId, { cancelledBy: 'merchant' });
    await publishEventForTest(kafka.brokers, cancelled);
    await handled(cancelled);

    const request = {
      orderId,
      customerId: '5',
      currency: 'USD',
      subtotalMinor: 1967,
      taxMinor: 433,
      totalMinor: 2400,
      items: [{ productId: 'margherita', quantity: 2, unitPriceMinor: 1200 }],
      name: 'Noa Levi',
      phone: '0541111111',
      shippingAddress: '5 Herzl St, Tel Aviv',
    };
    const reply = await commands.send<CommandReply<IssueInvoiceResponse>>(Commands.Billing.IssueInvoice, request, orderId, 30_000);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining(`Order ${orderId} was cancelled`), details: [{ path: 'orderId', message: 'order_cancelled' }] },
    });
    expect(await invoicesFor(orderId)).toHaveLength(0);
    expect(await outboxTopicsFor(orderId)).toEqual([]);
  });

  it('a cancellation not yet committed makes CartUpdated wait for it, and then issue nothing', async () => {
    // Driven through the service's own providers: the broker cannot hold one handler half-way.
    const voidInvoice = billing.app.get(VoidInvoiceService, { strict: false });
    const createInvoice = billing.app.get(CreateInvoiceService, { strict: false });
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId);
    const cart = cartUpdated(orderId);

    // An uncommitted row with the order's key: the cancellation stops, holding the order lock, where it records itself.
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      const [{ pid }] = (await blocker.query('SELECT pg_backend_pid() AS pid')).rows as Array<{ pid: number }>;
      await blocker.query(
        `INSERT INTO "${billing.schema}".cancelled_orders (order_id, reason, cancelled_by, cancellation_event_id, cancelled_at) VALUES ($1, 'blocker', 'system', 'blocker', now())`,
        [orderId],
      );
      const cancelling = voidInvoice.onOrderCancelled(cancelled);
      await waitFor(async () => (await rows(`SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [pid])).length > 0, {
        timeoutMs: 10_000,
        description: 'the cancellation waiting on the blocker',
      });

      let invoicingSettled = false;
      const invoicing = createInvoice.handle(cart).finally(() => (invoicingSettled = true));
      const waitingOnAdvisoryLock = async () =>
        (await rows(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`, [])).length > 0;
      await waitFor(async () => invoicingSettled || (await waitingOnAdvisoryLock()), { timeoutMs: 10_000, description: 'CartUpdated waiting or done' });
      expect(invoicingSettled).toBe(false);

      await blocker.query('ROLLBACK');
      expect(await cancelling).toBe('processed');
      expect(await invoicing).toBe('order_cancelled');
    } finally {
      await blocker.end();
    }
    expect(await invoicesFor(orderId)).toHaveLength(0);
    expect(await outboxTopicsFor(orderId)).toEqual([]);
    expect(await cancellationOf(orderId)).toMatchObject({ cancellation_event_id: cancelled.id });
  });
});
