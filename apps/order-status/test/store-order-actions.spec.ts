import { Commands, type StoreOrderAction, Topics } from '@order-platform/contracts';
import { CommandClientForTest, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import type { Client } from 'pg';
import { orderStatusService } from '../src/order-status.service-definition';
import { StoreOrderActionService } from '../src/store-orders/store-order-action.service';
import { revokeStoreTokens } from '../src/store-orders/store-token-admin';
import { type ActionReply, connectToSchema, newStore, newStoreOrder, sqlOf } from './store-orders.fixtures';

const LIFECYCLE_TOPICS = [Topics.OrderConfirmed, Topics.OrderPaid, Topics.OrderCompleted, Topics.OrderCancelled];
const DEMO_TOKEN = 'demo-burger-god-token';

describe('order-status store actions (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let service: Awaited<ReturnType<typeof startServiceForTest>>;
  let commands: CommandClientForTest;
  let events: TopicReader;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('order_status');
    service = await startServiceForTest(orderStatusService, { brokers: kafka.brokers, databaseUrl: database.url }, { DEMO_DATA: 'true' });
    sql = await connectToSchema(database.url, service.schema);
    [commands, events] = await Promise.all([
      CommandClientForTest.connect(kafka.brokers, [Commands.OrderStatus.StoreOrderAction]),
      TopicReader.start(kafka.brokers, LIFECYCLE_TOPICS),
    ]);
  }, 120_000);

  afterAll(async () => {
    await events?.stop();
    await commands?.close();
    await sql?.end();
    await service?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  function act(action: StoreOrderAction, orderNumber: string, token: string | undefined): Promise<ActionReply> {
    return commands.send<ActionReply>(Commands.OrderStatus.StoreOrderAction, { action, orderNumber, token }, orderNumber);
  }

  async function refusalOf(action: StoreOrderAction, orderNumber: string, token: string): Promise<string | undefined> {
    const reply = await act(action, orderNumber, token);
    if (reply.ok) throw new Error(`${action} ${orderNumber} was expected to be refused`);
    expect(reply.error.code).toBe('VALIDATION_FAILED');
    return reply.error.details?.refusal;
  }

  async function lifecycleOf(orderId: string) {
    const rows = await sql.query('SELECT lifecycle_status, payment_status, delivery_status, status FROM orders WHERE order_id = $1', [orderId]);
    return rows.rows[0] as { lifecycle_status: number; payment_status: number; delivery_status: number; status: string };
  }

  /** Sessions of this database blocked on a lock in the store action's row-locking statement. */
  async function rowLockWaiters(): Promise<number> {
    const rows = await sql.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE OF o%'`,
    );
    return (rows.rows[0] as { n: number }).n;
  }

  const eventsOf = (topic: string, orderId: string) => events.on(topic).filter((message) => message.key === orderId);

  it('confirms the demo order FR9TL74P and replies the store view of it', async () => {
    const reply = await act('confirm', 'FR9TL74P', DEMO_TOKEN);
    expect(reply).toEqual({
      ok: true,
      data: {
        id: 1,
        number: 'FR9TL74P',
        currency: 'IDR',
        totalMinor: 3636400,
        taxMinor: 363600,
        serviceChargeMinor: 0,
        grandTotalMinor: 4000000,
        tableNumber: 'A1',
        channel: 2,
        notes: 'No lettuce',
        status: 10,
        deliveryStatus: 10,
        statusText: 'Confirmed',
        storeName: 'Burger God',
        userId: 1,
        createdAt: 1564045835,
        paymentMethod: 1,
        paymentStatus: 1,
        user: { id: 1, name: 'user', phone: '+628111111111' },
        deliveryInfo: null,
      },
    });
    expect(await refusalOf('confirm', 'FR9TL74P', DEMO_TOKEN)).toBe('ALREADY_CONFIRMED');
  });

  it('marks paid once, then refuses with ALREADY_PAID', async () => {
    const store = await newStore(sql);
    const order = await newStoreOrder(sql, store.storeId);
    const reply = await act('paid', order.number, store.token);
    expect(reply.ok && { status: reply.data.status, paymentStatus: reply.data.paymentStatus }).toEqual({ status: 1, paymentStatus: 2 });
    expect(await refusalOf('paid', order.number, store.token)).toBe('ALREADY_PAID');
    expect(await lifecycleOf(order.orderId)).toMatchObject({ lifecycle_status: 1, payment_status: 2 });
  });

  it('completes from any open state (paid or not), then refuses with ALREADY_COMPLETED', async () => {
    const store = await newStore(sql);
    const unpaidNew = await newStoreOrder(sql, store.storeId);
    const reply = await act('complete', unpaidNew.number, store.token);
    expect(reply.ok && { status: reply.data.status, statusText: reply.data.statusText, paymentStatus: reply.data.paymentStatus }).toEqual({
      status: 20,
      statusText: 'Complete',
      paymentStatus: 2,
    });
    expect(await refusalOf('complete', unpaidNew.number, store.token)).toBe('ALREADY_COMPLETED');
    expect(await refusalOf('cancel', unpaidNew.number, store.token)).toBe('ALREADY_COMPLETED');
    expect(await refusalOf('paid', unpaidNew.number, store.token)).toBe('ALREADY_PAID');

    const confirmedPaid = await newStoreOrder(sql, store.storeId, { status: 10, paymentStatus: 2 });
    expect((await act('complete', confirmedPaid.number, store.token)).ok).toBe(true);
  });

  it('cancels irreversibly: the other three calls then refuse the order', async () => {
    const store = await newStore(sql);
    const order = await newStoreOrder(sql, store.storeId, { status: 10 });
    const reply = await act('cancel', order.number, store.token);
    expect(reply.ok && { status: reply.data.status, statusText: reply.data.statusText }).toEqual({ status: 30, statusText: 'Cancelled' });
    for (const action of ['confirm', 'paid', 'complete', 'cancel'] as const) {
      expect(await refusalOf(action, order.number, store.token)).toBe('ALREADY_CANCELLED');
    }
    expect(await lifecycleOf(order.orderId)).toMatchObject({ lifecycle_status: 30, status: 'cancelled' });
  });

  it('answers ORDER_NOT_FOUND for an unknown number and for another store\'s order', async () => {
    expect(await refusalOf('confirm', 'NOSUCHORDER', DEMO_TOKEN)).toBe('ORDER_NOT_FOUND');
    const other = await newStore(sql);
    const theirs = await newStoreOrder(sql, other.storeId);
    expect(await refusalOf('confirm', theirs.number, DEMO_TOKEN)).toBe('ORDER_NOT_FOUND');
    expect(await refusalOf('cancel', 'TT4M8K2Q', DEMO_TOKEN)).toBe('ORDER_NOT_FOUND');
    expect(await lifecycleOf(theirs.orderId)).toMatchObject({ lifecycle_status: 1 });
  });

  it('refuses a missing, unknown or revoked token with UNAUTHORIZED "Invalid token"', async () => {
    const store = await newStore(sql);
    const order = await newStoreOrder(sql, store.storeId);
    const invalid = { ok: false, error: { code: 'UNAUTHORIZED', message: 'Invalid token' } };
    expect(await act('confirm', order.number, undefined)).toEqual(invalid);
    expect(await act('confirm', order.number, `${store.token}x`)).toEqual(invalid);
    expect(await revokeStoreTokens(sqlOf(sql), { prefix: store.prefix })).toBe(1);
    expect(await act('confirm', order.number, store.token)).toEqual(invalid);
    expect(await lifecycleOf(order.orderId)).toMatchObject({ lifecycle_status: 1 });
  });

  it('keeps only the token hash in the database', async () => {
    const store = await newStore(sql);
    const stored = await sql.query('SELECT token_sha256, token_prefix FROM store_api_tokens WHERE id = $1', [store.tokenId]);
    expect(stored.rows[0].token_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.rows[0])).not.toContain(store.token);
  });

  it('serializes complete and cancel sent at the same moment: one wins, the loser gets its documented refusal', async () => {
    const store = await newStore(sql);
    for (let round = 0; round < 4; round++) {
      const order = await newStoreOrder(sql, store.storeId);
      const [complete, cancel] = await Promise.all([act('complete', order.number, store.token), act('cancel', order.number, store.token)]);
      expect([complete.ok, cancel.ok].filter(Boolean)).toHaveLength(1);
      const state = await lifecycleOf(order.orderId);
      if (complete.ok) {
        expect(state.lifecycle_status).toBe(20);
        expect(!cancel.ok && cancel.error.details?.refusal).toBe('ALREADY_COMPLETED');
      } else {
        expect(state.lifecycle_status).toBe(30);
        expect(!complete.ok && complete.error.details?.refusal).toBe('ALREADY_CANCELLED');
      }
    }
  });

  it('serializes confirm and cancel sent at the same moment: the order ends cancelled, a late confirm is refused', async () => {
    const store = await newStore(sql);
    for (let round = 0; round < 4; round++) {
      const order = await newStoreOrder(sql, store.storeId);
      const [confirm, cancel] = await Promise.all([act('confirm', order.number, store.token), act('cancel', order.number, store.token)]);
      // Confirm-then-cancel is a legal sequence; cancel-then-confirm refuses the confirm.
      expect(cancel.ok).toBe(true);
      if (!confirm.ok) expect(confirm.error.details?.refusal).toBe('ALREADY_CANCELLED');
      expect(await lifecycleOf(order.orderId)).toMatchObject({ lifecycle_status: 30 });
    }
  });

  it('holds conflicting in-flight actions on the row lock: both wait, run one after the other, and exactly one wins', async () => {
    const store = await newStore(sql);
    const order = await newStoreOrder(sql, store.storeId);
    const actions = service.app.get(StoreOrderActionService);
    // A second connection holds the order's row lock, so both actions are provably in flight at the same moment.
    const holder = await connectToSchema(database.url, service.schema);
    let racing: Promise<unknown[]> | undefined;
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM orders WHERE order_id = $1 FOR UPDATE', [order.orderId]);
      racing = Promise.all([
        actions.handle({ action: 'complete', orderNumber: order.number, token: store.token }),
        actions.handle({ action: 'cancel', orderNumber: order.number, token: store.token }),
      ]);
      await waitFor(async () => (await rowLockWaiters()) >= 2, { timeoutMs: 10_000, description: 'both actions waiting on the row lock' });
    } finally {
      await holder.query('COMMIT');
      await holder.end();
    }
    const [complete, cancel] = (await racing) as ActionReply[];

    expect([complete.ok, cancel.ok].filter(Boolean)).toHaveLength(1);
    const loser = complete.ok ? cancel : complete;
    expect(!loser.ok && loser.error.details?.refusal).toBe(complete.ok ? 'ALREADY_COMPLETED' : 'ALREADY_CANCELLED');
    expect((await lifecycleOf(order.orderId)).lifecycle_status).toBe(complete.ok ? 20 : 30);
    const outbox = await sql.query(`SELECT topic FROM outbox WHERE key = $1`, [order.orderId]);
    expect(outbox.rows.map((row: { topic: string }) => row.topic)).toEqual([complete.ok ? 'OrderCompleted' : 'OrderCancelled']);
  });

  it('publishes each lifecycle event once, keyed by the order id, and puts it on the timeline', async () => {
    const store = await newStore(sql);
    const order = await newStoreOrder(sql, store.storeId);
    for (const action of ['confirm', 'paid', 'cancel'] as const) expect((await act(action, order.number, store.token)).ok).toBe(true);
    await act('cancel', order.number, store.token);
    await act('confirm', order.number, store.token);

    await waitFor(() => LIFECYCLE_TOPICS.every((topic) => topic === Topics.OrderCompleted || eventsOf(topic, order.orderId).length > 0), {
      timeoutMs: 30_000,
      description: 'OrderConfirmed, OrderPaid and OrderCancelled',
    });
    // Give a duplicate the time to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(eventsOf(Topics.OrderConfirmed, order.orderId)).toHaveLength(1);
    expect(eventsOf(Topics.OrderPaid, order.orderId)).toHaveLength(1);
    expect(eventsOf(Topics.OrderCompleted, order.orderId)).toHaveLength(0);
    const cancelled = eventsOf(Topics.OrderCancelled, order.orderId);
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0].value).toMatchObject({
      type: 'OrderCancelled',
      orderId: order.orderId,
      payload: { orderId: order.orderId, cancelledBy: 'merchant', refundRequired: true },
    });

    const steps = await sql.query('SELECT step FROM order_timeline WHERE order_id = $1 ORDER BY at, seq', [order.orderId]);
    expect(steps.rows.map((row: { step: string }) => row.step)).toEqual(['OrderConfirmed', 'OrderPaid', 'OrderCancelled']);
  });
});
