import { type CommandReply, Commands, createEvent, Topics, type TypedEvent, type WholesaleOrderView, type WholesalePlaceOrderResponse, type WholesaleUpsertOrderResponse } from '@order-platform/contracts';
import { CommandClientForTest, publishEventForTest, startServiceForTest } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { cartService } from '../src/cart.service-definition';
import { DEMO_TRADE_CUSTOMER } from '../src/wholesale/demo-data/demo-wholesale-data';
import { WHOLESALE_LIFECYCLE_CONSUMER } from '../src/wholesale/lifecycle/wholesale-lifecycle.service';

const KEY = DEMO_TRADE_CUSTOMER.apiKey;

/** The checkout events of one order, as billing, payment, shipment and order-status publish them. */
function checkoutEvents(orderId: string) {
  const at = new Date().toISOString();
  const correlationId = `test-${orderId}`;
  const invoiceId = randomUUID();
  const paymentId = randomUUID();
  const money = { amountMinor: 30282, currency: 'GBP' };
  return {
    invoiceCreated: () =>
      createEvent(
        Topics.InvoiceCreated,
        {
          orderId,
          invoiceId,
          invoiceNumber: '2026-000001',
          customerId: 'MLA001',
          currency: 'GBP',
          lines: [{ description: 'VFR8CW', productId: 'VFR8CW', quantity: 10, unitPriceMinor: 2345, taxMinor: 5047, totalMinor: 30282 }],
          subtotalMinor: 25235,
          taxMinor: 5047,
          totalMinor: 30282,
          issuedAt: at,
        },
        { correlationId },
      ),
    paymentProcessed: () =>
      createEvent(Topics.PaymentProcessed, { orderId, paymentId, invoiceId, ...money, method: 'account', provider: 'account', processedAt: at }, { correlationId }),
    paymentFailed: () =>
      createEvent(
        Topics.PaymentFailed,
        { orderId, paymentId, invoiceId, ...money, reasonCode: 'account_on_hold', reason: 'The account is on hold.', retryable: false, failedAt: at },
        { correlationId },
      ),
    orderShipped: () => createEvent(Topics.OrderShipped, { orderId, shipmentId: randomUUID(), carrier: 'local', trackingNumber: '12345678', shippedAt: at }, { correlationId }),
    orderCancelled: () =>
      createEvent(Topics.OrderCancelled, { orderId, reason: 'Cancelled by the merchant.', cancelledBy: 'merchant', refundRequired: false, cancelledAt: at }, { correlationId }),
  };
}

describe('cart: wholesale orders follow the checkout lifecycle (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let cart: Awaited<ReturnType<typeof startServiceForTest>>;
  let commands: CommandClientForTest;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('cart_wholesale_lifecycle');
    cart = await startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: database.url }, { DEMO_DATA: 'true' });
    commands = await CommandClientForTest.connect(kafka.brokers, [Commands.Cart.WholesaleGetOrder, Commands.Cart.WholesaleUpsertOrder, Commands.Cart.WholesalePlaceOrder]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await commands?.close();
    await cart?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  async function send<T>(topic: string, payload: object): Promise<T> {
    const reply = await commands.send<CommandReply<T>>(topic, { ...payload, apiKey: KEY }, 'wholesale');
    if (!reply.ok) throw new Error(`${topic} failed: ${JSON.stringify(reply.error)}`);
    return reply.data;
  }

  /** A new order, placed: its wholesale order id and platform order id. */
  async function placedOrder(): Promise<{ orderId: number; platformOrderId: string }> {
    const { order } = await send<WholesaleUpsertOrderResponse>(Commands.Cart.WholesaleUpsertOrder, {
      customerOrderNo: `LC-${randomUUID().slice(0, 8)}`,
      orderType: 'WHOLESALE',
      deliveryMethod: 'COLLECT',
      products: [{ productCode: 'VFR8CW', quantity: 10 }],
    });
    const placed = await send<WholesalePlaceOrderResponse>(Commands.Cart.WholesalePlaceOrder, { orderId: order.orderId });
    return { orderId: order.orderId, platformOrderId: placed.platformOrderId };
  }

  const stateOf = async (orderId: number) => (await send<WholesaleOrderView>(Commands.Cart.WholesaleGetOrder, { orderId })).orderState as string;

  async function lifecycleRow(orderId: number) {
    const { rows } = await sql.query(`SELECT order_state, cancellation_reason, state_changed_at FROM "${cart.schema}".wholesale_orders WHERE order_id = $1`, [orderId]);
    return rows[0] as { order_state: string; cancellation_reason: string | null; state_changed_at: Date | null };
  }

  async function inboxCount(eventId: string): Promise<number> {
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "${cart.schema}".processed_events WHERE consumer_group = $1 AND event_id = $2`, [WHOLESALE_LIFECYCLE_CONSUMER, eventId]);
    return (rows[0] as { n: number }).n;
  }

  /** Publishes the event and waits until the cart has recorded it (processed or ignored). */
  async function deliver(event: TypedEvent): Promise<void> {
    await publishEventForTest(kafka.brokers, event);
    await waitFor(async () => (await inboxCount(event.id)) === 1, { timeoutMs: 20_000, description: `${event.type} ${event.id} in the cart inbox` });
  }

  it('moves a placed order PLACED -> INVOICED -> PAID -> SHIPPED', async () => {
    const { orderId, platformOrderId } = await placedOrder();
    const events = checkoutEvents(platformOrderId);
    expect(await stateOf(orderId)).toBe('PLACED');

    await deliver(events.invoiceCreated());
    expect(await stateOf(orderId)).toBe('INVOICED');
    await deliver(events.paymentProcessed());
    expect(await stateOf(orderId)).toBe('PAID');
    await deliver(events.orderShipped());
    expect(await stateOf(orderId)).toBe('SHIPPED');
    expect((await lifecycleRow(orderId)).cancellation_reason).toBeNull();
  }, 60_000);

  it('never moves back when events arrive out of order across topics', async () => {
    const { orderId, platformOrderId } = await placedOrder();
    const events = checkoutEvents(platformOrderId);

    await deliver(events.orderShipped());
    expect(await stateOf(orderId)).toBe('SHIPPED');
    await deliver(events.paymentProcessed());
    await deliver(events.invoiceCreated());
    await deliver(events.orderCancelled());
    expect(await stateOf(orderId)).toBe('SHIPPED');
  }, 60_000);

  it('cancels on a failed payment, keeps the first reason, and stays cancelled', async () => {
    const { orderId, platformOrderId } = await placedOrder();
    const events = checkoutEvents(platformOrderId);

    await deliver(events.invoiceCreated());
    await deliver(events.paymentFailed());
    expect(await stateOf(orderId)).toBe('CANCELLED');
    await deliver(events.orderCancelled());
    await deliver(events.orderShipped());
    const row = await lifecycleRow(orderId);
    expect(row.order_state).toBe('CANCELLED');
    expect(row.cancellation_reason).toBe('Payment failed: The account is on hold.');
  }, 60_000);

  it('cancels on OrderCancelled with its reason', async () => {
    const { orderId, platformOrderId } = await placedOrder();
    await deliver(checkoutEvents(platformOrderId).orderCancelled());
    const row = await lifecycleRow(orderId);
    expect(row.order_state).toBe('CANCELLED');
    expect(row.cancellation_reason).toBe('Cancelled by the merchant.');
  }, 60_000);

  it('treats a redelivered event as a duplicate and changes nothing', async () => {
    const { orderId, platformOrderId } = await placedOrder();
    const events = checkoutEvents(platformOrderId);
    const invoiced = events.invoiceCreated();
    await deliver(invoiced);
    const before = await lifecycleRow(orderId);

    await publishEventForTest(kafka.brokers, invoiced);
    // A later event on the same topic and key is handled after the redelivery (one partition).
    const marker = events.invoiceCreated();
    await deliver(marker);
    expect(await inboxCount(invoiced.id)).toBe(1);
    expect(await lifecycleRow(orderId)).toEqual(before);
    expect(before.order_state).toBe('INVOICED');
  }, 60_000);

  it('acknowledges and ignores events of orders that are not wholesale orders', async () => {
    const { orderId } = await placedOrder();
    const before = await lifecycleRow(orderId);
    const other = checkoutEvents(randomUUID());
    await deliver(other.invoiceCreated());
    await deliver(other.paymentFailed());
    await deliver(other.orderShipped());
    await deliver(createEvent(Topics.PaymentProcessed, { ...other.paymentProcessed().payload, orderId: '456' }, { correlationId: 'retail-456' }));
    expect(await lifecycleRow(orderId)).toEqual(before);
    expect(before.order_state).toBe('PLACED');
  }, 60_000);

  it('refuses to place an order again once it has moved on', async () => {
    const { orderId, platformOrderId } = await placedOrder();
    await deliver(checkoutEvents(platformOrderId).orderShipped());
    const reply = await commands.send<CommandReply<WholesalePlaceOrderResponse>>(Commands.Cart.WholesalePlaceOrder, { orderId, apiKey: KEY }, 'wholesale');
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('CONFLICT');
  }, 60_000);
});
