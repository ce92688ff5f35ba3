import { type CommandReply, Commands, createEvent, type GetOrderResponse, Topics } from '@order-platform/contracts';
import { CommandClientForTest, inboxHas, publishEventForTest, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { orderStatusService } from '../src/order-status.service-definition';
import { checkoutEvents } from './order-events.fixtures';

describe('order-status read model (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let service: Awaited<ReturnType<typeof startServiceForTest>>;
  let commands: CommandClientForTest;
  let reader: TopicReader;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('order_status');
    service = await startServiceForTest(orderStatusService, { brokers: kafka.brokers, databaseUrl: database.url }, {});
    commands = await CommandClientForTest.connect(kafka.brokers, [Commands.OrderStatus.GetOrder]);
    reader = await TopicReader.start(kafka.brokers, [Topics.OrderCancelled, Topics.OrderPaid]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await reader?.stop();
    await commands?.close();
    await service?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  function getOrder(orderId: string): Promise<CommandReply<GetOrderResponse>> {
    return commands.send(Commands.OrderStatus.GetOrder, { orderId }, orderId);
  }

  async function orderWithSteps(orderId: string, count: number): Promise<GetOrderResponse> {
    return waitFor(
      async () => {
        const reply = await getOrder(orderId);
        return reply.ok && reply.data.timeline.length >= count ? reply.data : undefined;
      },
      { timeoutMs: 30_000, description: `${count} timeline steps for ${orderId}` },
    );
  }

  it('derives the same status from events published out of order, with the timeline sorted by event time', async () => {
    const orderId = randomUUID();
    const events = checkoutEvents(orderId);
    for (const event of [events.orderShipped, events.paymentProcessed, events.cartUpdated, events.invoiceCreated]) {
      await publishEventForTest(kafka.brokers, event);
    }

    const order = await orderWithSteps(orderId, 4);
    expect(order.status).toBe('shipped');
    expect(order.cancellationReason).toBeUndefined();
    expect(order.timeline.map((step) => step.step)).toEqual(['CartUpdated', 'InvoiceCreated', 'PaymentProcessed', 'OrderShipped']);
    expect(order.timeline.map((step) => step.eventId)).toEqual([
      events.cartUpdated.id,
      events.invoiceCreated.id,
      events.paymentProcessed.id,
      events.orderShipped.id,
    ]);
    expect(order.timeline[0]).toEqual({
      step: 'CartUpdated',
      at: events.cartUpdated.occurredAt,
      eventId: events.cartUpdated.id,
      details: { customerId: '8080', currency: 'USD', totalMinor: 10000, itemCount: 1 },
    });
    expect(order.timeline[3].details).toMatchObject({ trackingNumber: '12345678', carrier: 'local' });
  });

  it('adds no second step for a redelivered event', async () => {
    const orderId = randomUUID();
    const events = checkoutEvents(orderId);
    await publishEventForTest(kafka.brokers, events.cartUpdated);
    await publishEventForTest(kafka.brokers, events.invoiceCreated);
    await orderWithSteps(orderId, 2);

    // The same events again, each followed by a fresh event on its own topic and key (same
    // partition): once both markers are in the inbox, the redeliveries have been handled.
    const later = new Date(Date.UTC(2026, 0, 15, 11, 0)).toISOString();
    const markers = [
      createEvent(Topics.CartUpdated, events.cartUpdated.payload, { correlationId: 'marker', occurredAt: later }),
      createEvent(Topics.InvoiceCreated, events.invoiceCreated.payload, { correlationId: 'marker', occurredAt: later }),
    ];
    await publishEventForTest(kafka.brokers, events.cartUpdated);
    await publishEventForTest(kafka.brokers, markers[0]);
    await publishEventForTest(kafka.brokers, events.invoiceCreated);
    await publishEventForTest(kafka.brokers, markers[1]);
    for (const marker of markers) {
      await waitFor(() => inboxHas(database.url, service.schema, 'order-status', marker.id), { timeoutMs: 30_000, description: 'marker handled' });
    }

    const rows = await sql.query(`SELECT event_id FROM "${service.schema}".order_timeline WHERE order_id = $1 ORDER BY at, seq`, [orderId]);
    expect(rows.rows.map((row) => row.event_id)).toEqual([events.cartUpdated.id, events.invoiceCreated.id, markers[0].id, markers[1].id]);
    const order = await getOrder(orderId);
    expect(order.ok && order.data.timeline).toHaveLength(4);
  });

  it('cancels the order on a declined payment and publishes OrderCancelled once, with the reason', async () => {
    const orderId = randomUUID();
    const events = checkoutEvents(orderId);
    await publishEventForTest(kafka.brokers, events.cartUpdated);
    await publishEventForTest(kafka.brokers, events.invoiceCreated);
    await publishEventForTest(kafka.brokers, events.paymentFailed);
    await publishEventForTest(kafka.brokers, events.paymentFailed); // redelivered

    const order = await orderWithSteps(orderId, 4);
    expect(order.status).toBe('cancelled');
    expect(order.cancellationReason).toBe('Your card was declined.');
    expect(order.timeline.map((step) => step.step)).toEqual(['CartUpdated', 'InvoiceCreated', 'PaymentFailed', 'OrderCancelled']);

    const cancelled = await waitFor(() => reader.on(Topics.OrderCancelled).find((m) => m.key === orderId), {
      timeoutMs: 20_000,
      description: 'OrderCancelled on Kafka',
    });
    expect(cancelled.value).toMatchObject({
      type: 'OrderCancelled',
      correlationId: events.paymentFailed.correlationId,
      payload: { orderId, reason: 'Your card was declined.', cancelledBy: 'system', refundRequired: false },
    });
    await waitFor(() => inboxHas(database.url, service.schema, 'order-status', events.paymentFailed.id), { description: 'PaymentFailed in the inbox' });
    const outbox = await sql.query(`SELECT count(*)::int AS n FROM "${service.schema}".outbox WHERE topic = 'OrderCancelled' AND key = $1`, [orderId]);
    expect(outbox.rows[0].n).toBe(1);
  });

  async function lifecycleOf(orderId: string): Promise<{ lifecycle_status: number; payment_status: number; delivery_status: number } | undefined> {
    const rows = await sql.query(`SELECT lifecycle_status, payment_status, delivery_status FROM "${service.schema}".orders WHERE order_id = $1`, [orderId]);
    return rows.rows[0];
  }

  it('moves payment and delivery status through the lifecycle table, publishing OrderPaid once for a checkout payment', async () => {
    const orderId = randomUUID();
    const events = checkoutEvents(orderId);
    const delivered = createEvent(
      Topics.OrderDelivered,
      { orderId, shipmentId: events.orderShipped.payload.shipmentId, deliveredAt: events.orderShipped.payload.shippedAt },
      { correlationId: events.cartUpdated.correlationId },
    );
    // The delivery arrives before the shipment it follows: the lifecycle still ends delivered.
    for (const event of [events.cartUpdated, events.paymentProcessed, events.paymentProcessed, delivered, events.orderShipped]) {
      await publishEventForTest(kafka.brokers, event);
    }
    await orderWithSteps(orderId, 4);
    await waitFor(() => inboxHas(database.url, service.schema, 'order-status', events.orderShipped.id), { description: 'OrderShipped in the inbox' });
    expect(await lifecycleOf(orderId)).toEqual({ lifecycle_status: 1, payment_status: 2, delivery_status: 30 });

    const paid = await waitFor(() => reader.on(Topics.OrderPaid).find((m) => m.key === orderId), { timeoutMs: 20_000, description: 'OrderPaid on Kafka' });
    expect(paid.value).toMatchObject({ payload: { orderId, source: 'checkout', amountMinor: events.paymentProcessed.payload.amountMinor, currency: 'USD' } });
    const outbox = await sql.query(`SELECT count(*)::int AS n FROM "${service.schema}".outbox WHERE topic = 'OrderPaid' AND key = $1`, [orderId]);
    expect(outbox.rows[0].n).toBe(1);
  });

  it('cancels the lifecycle on a declined payment, and a refund after cancellation marks it refunded', async () => {
    const orderId = randomUUID();
    const events = checkoutEvents(orderId);
    await publishEventForTest(kafka.brokers, events.cartUpdated);
    await publishEventForTest(kafka.brokers, events.paymentFailed);
    await orderWithSteps(orderId, 3);
    expect(await lifecycleOf(orderId)).toMatchObject({ lifecycle_status: 30, payment_status: 1 });

    const refunded = createEvent(
      Topics.PaymentRefunded,
      { orderId, paymentId: randomUUID(), refundId: randomUUID(), amountMinor: 10000, currency: 'USD', reason: 'order cancelled', refundedAt: new Date().toISOString() },
      { correlationId: events.cartUpdated.correlationId },
    );
    await publishEventForTest(kafka.brokers, refunded);
    await waitFor(() => inboxHas(database.url, service.schema, 'order-status', refunded.id), { description: 'PaymentRefunded in the inbox' });
    expect(await lifecycleOf(orderId)).toMatchObject({ lifecycle_status: 30, payment_status: 3 });
  });

  it('answers NOT_FOUND for an unknown order and VALIDATION_FAILED for a bad query', async () => {
    const unknown = await getOrder(randomUUID());
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const invalid = await commands.send<CommandReply<GetOrderResponse>>(Commands.OrderStatus.GetOrder, { orderId: '' }, 'x');
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: 'orderId' })] } });
  });
});
