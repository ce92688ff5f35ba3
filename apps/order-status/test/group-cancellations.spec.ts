import { createEvent, dlqTopic, Topics, type TypedEvent } from '@order-platform/contracts';
import { inboxHas, publishEventForTest, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { CancelGroupMembersService } from '../src/group-cancellations/cancel-group-members.service';
import { OrderStatus, PaymentStatus } from '../src/lifecycle/order-lifecycle-state';
import { orderStatusService } from '../src/order-status.service-definition';
import { ORDER_STATUS_CONSUMER } from '../src/track-order/track-order.service';
import { checkoutEvents } from './order-events.fixtures';
import { connectToSchema } from './store-orders.fixtures';

const REASON = 'The restaurant did not confirm the group order in time.';

function groupOrderCancelled(groupOrderId: string, orderIds: string[]): TypedEvent<'GroupOrderCancelled'> {
  return createEvent(
    Topics.GroupOrderCancelled,
    {
      groupOrderId,
      restaurantId: '6',
      currency: 'EUR',
      reasonCode: 'not_confirmed_in_time',
      reason: REASON,
      members: orderIds.map((orderId, index) => ({ memberOrderId: String(index + 1), orderId })),
      cancelledAt: new Date().toISOString(),
    },
    { correlationId: `group-${groupOrderId}` },
  );
}

describe('order-status: GroupOrderCancelled cancels the member orders (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let service: Awaited<ReturnType<typeof startServiceForTest>>;
  let events: TopicReader;
  let sql: Client;
  let nextGroup = Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('order_status_groups');
    service = await startServiceForTest(orderStatusService, { brokers: kafka.brokers, databaseUrl: database.url });
    sql = await connectToSchema(database.url, service.schema);
    events = await TopicReader.start(kafka.brokers, [Topics.OrderCancelled, dlqTopic(Topics.GroupOrderCancelled)]);
  }, 120_000);

  afterAll(async () => {
    await events?.stop();
    await sql?.end();
    await service?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  const groupId = () => String(nextGroup++);
  const handled = (event: TypedEvent) =>
    waitFor(() => inboxHas(database.url, service.schema, ORDER_STATUS_CONSUMER, event.id), { timeoutMs: 30_000, description: `${event.type} ${event.id} handled` });

  async function publishAll(...list: TypedEvent[]): Promise<void> {
    for (const event of list) await publishEventForTest(kafka.brokers, event);
    for (const event of list) await handled(event);
  }

  async function orderRow(orderId: string) {
    const rows = await sql.query('SELECT status, cancellation_reason, lifecycle_status, payment_status FROM orders WHERE order_id = $1', [orderId]);
    return rows.rows[0] as { status: string; cancellation_reason: string | null; lifecycle_status: number; payment_status: number } | undefined;
  }

  /** OrderCancelled rows the service wrote for the order: its own count, published or not. */
  async function cancellationsInOutbox(orderId: string): Promise<number> {
    const rows = await sql.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'OrderCancelled' AND key = $1`, [orderId]);
    return (rows.rows[0] as { n: number }).n;
  }

  const published = (orderId: string) =>
    waitFor(() => events.on(Topics.OrderCancelled).find((m) => m.key === orderId), { timeoutMs: 30_000, description: `OrderCancelled for ${orderId}` });

  it('cancels each open member once, by the system with the group reason, refundRequired only for paid ones', async () => {
    const [paid, unpaid, failed, unknown] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const paidEvents = checkoutEvents(paid);
    const failedEvents = checkoutEvents(failed);
    await publishAll(
      paidEvents.cartUpdated,
      paidEvents.invoiceCreated,
      paidEvents.paymentProcessed,
      checkoutEvents(unpaid).cartUpdated,
      failedEvents.cartUpdated,
      failedEvents.paymentFailed,
    );
    // The declined payment cancelled that order already (the tracker's own OrderCancelled).
    expect(await cancellationsInOutbox(failed)).toBe(1);

    const cancelled = groupOrderCancelled(groupId(), [paid, unpaid, failed, unknown]);
    await publishAll(cancelled);

    const paidCancel = (await published(paid)).value as TypedEvent<'OrderCancelled'>;
    expect(paidCancel).toMatchObject({
      type: 'OrderCancelled',
      correlationId: cancelled.correlationId,
      payload: { orderId: paid, reason: REASON, cancelledBy: 'system', refundRequired: true, cancelledAt: cancelled.payload.cancelledAt },
    });
    for (const orderId of [unpaid, unknown]) {
      expect(((await published(orderId)).value as TypedEvent<'OrderCancelled'>).payload).toMatchObject({ cancelledBy: 'system', refundRequired: false, reason: REASON });
    }

    expect(await orderRow(paid)).toEqual({ status: 'cancelled', cancellation_reason: REASON, lifecycle_status: OrderStatus.Cancelled, payment_status: PaymentStatus.Paid });
    expect(await orderRow(unpaid)).toMatchObject({ status: 'cancelled', cancellation_reason: REASON, lifecycle_status: OrderStatus.Cancelled });
    expect(await orderRow(unknown)).toMatchObject({ status: 'cancelled', lifecycle_status: OrderStatus.Cancelled });
    const steps = await sql.query(`SELECT details FROM order_timeline WHERE order_id = $1 AND step = 'OrderCancelled'`, [paid]);
    expect(steps.rows).toEqual([{ details: { by: 'system', groupOrderId: cancelled.payload.groupOrderId, reasonCode: 'not_confirmed_in_time', reason: REASON } }]);

    for (const orderId of [paid, unpaid, unknown, failed]) expect(await cancellationsInOutbox(orderId)).toBe(1);
    // The failed order keeps the declined payment's reason.
    expect((await orderRow(failed))?.cancellation_reason).toBe('Your card was declined.');

    // A later checkout event for a cancelled member does not cancel it again.
    await publishAll(checkoutEvents(unpaid).invoiceCreated);
    expect(await cancellationsInOutbox(unpaid)).toBe(1);
  });

  it('cancels nothing twice when the event is redelivered or the group is cancelled by another event', async () => {
    const members = [randomUUID(), randomUUID()];
    const group = groupId();
    const cancelled = groupOrderCancelled(group, members);
    await publishAll(cancelled);
    await Promise.all(members.map(published));

    const again = groupOrderCancelled(group, [...members].reverse());
    await publishEventForTest(kafka.brokers, cancelled);
    await publishAll(again);
    for (const orderId of members) expect(await cancellationsInOutbox(orderId)).toBe(1);
  });

  it('two concurrent deliveries of one group cancel each member once', async () => {
    const cancellations = service.app.get(CancelGroupMembersService, { strict: false });
    const members = Array.from({ length: 5 }, () => randomUUID());
    const group = groupId();
    const outcomes = await Promise.all([
      cancellations.onGroupOrderCancelled(groupOrderCancelled(group, members)),
      cancellations.onGroupOrderCancelled(groupOrderCancelled(group, [...members].reverse())),
    ]);
    expect(outcomes).toEqual(['processed', 'processed']);
    for (const orderId of members) {
      expect(await cancellationsInOutbox(orderId)).toBe(1);
      expect((await orderRow(orderId))?.lifecycle_status).toBe(OrderStatus.Cancelled);
    }
  });

  it('dead-letters a malformed GroupOrderCancelled and keeps consuming', async () => {
    const producer = new Kafka({ clientId: 'order-status-groups-test', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    const key = `group-order-${groupId()}`;
    try {
      await producer.send({ topic: Topics.GroupOrderCancelled, messages: [{ key, value: JSON.stringify({ type: 'GroupOrderCancelled', orderId: key, payload: { members: [] } }) }] });
    } finally {
      await producer.disconnect();
    }
    const dead = await waitFor(() => events.on(dlqTopic(Topics.GroupOrderCancelled)).find((m) => m.key === key), {
      timeoutMs: 30_000,
      description: 'GroupOrderCancelled in its dead-letter topic',
    });
    expect(dead.headers).toMatchObject({ 'x-dlq-original-topic': Topics.GroupOrderCancelled });

    const member = randomUUID();
    await publishAll(groupOrderCancelled(groupId(), [member]));
    await published(member);
  });
});
