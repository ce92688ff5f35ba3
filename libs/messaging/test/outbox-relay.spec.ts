import { randomUUID } from 'node:crypto';
import { freePort, readTopic, startTestKafka, startTestPostgres, TestDatabase, TestKafka, TestPostgres, waitFor } from '@order-platform/testing';
import { DataSource } from 'typeorm';
import { OutboxRelay, OutboxWriter, runWithCorrelationId } from '../src';
import { cartUpdated, openDataSource, OrderRow, outboxCounts, SCHEMA } from './support/messaging-fixture';

describe('transactional outbox on PostgreSQL + Kafka', () => {
  let postgres: TestPostgres;
  let kafka: TestKafka;
  let database: TestDatabase;
  let dataSource: DataSource;
  const relays: OutboxRelay[] = [];
  const writer = new OutboxWriter();

  function relay(options: Partial<ConstructorParameters<typeof OutboxRelay>[1]> = {}, brokers = kafka.brokers): OutboxRelay {
    const created = new OutboxRelay(dataSource, { brokers, clientId: 'outbox-spec', pollIntervalMs: 200, ...options });
    relays.push(created);
    return created;
  }

  async function placeOrders(count: number, prefix = `ord-${randomUUID().slice(0, 8)}`): Promise<string[]> {
    const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
    for (const id of ids) {
      await dataSource.transaction(async (manager) => {
        await manager.getRepository(OrderRow).insert({ id, status: 'submitted' });
        await writer.append(manager, cartUpdated(id));
      });
    }
    return ids;
  }

  const byOrders = (ids: string[]) => {
    const wanted = new Set(ids);
    return (m: { key: string | null }) => m.key !== null && wanted.has(m.key);
  };

  beforeAll(async () => {
    postgres = await startTestPostgres();
    kafka = await startTestKafka();
  }, 60_000);

  afterAll(async () => {
    await kafka.stop();
    await postgres.stop();
  });

  beforeEach(async () => {
    database = await postgres.createDatabase('outbox');
    dataSource = await openDataSource(database);
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await dataSource.destroy();
    await database.drop();
  });

  it('publishes events committed with a business write exactly once, keyed by orderId with headers', async () => {
    const ids = await runWithCorrelationId('corr-flow-1', async () => {
      const orderIds = await placeOrders(5);
      // correlationId omitted: the writer stamps the current one.
      await dataSource.transaction(async (manager) => {
        const { correlationId: _drop, ...event } = cartUpdated(`${orderIds[0]}-x`);
        await manager.getRepository(OrderRow).insert({ id: event.orderId, status: 'submitted' });
        await writer.append(manager, event);
      });
      return [...orderIds, `${orderIds[0]}-x`];
    });
    relay().start();
    const messages = await readTopic(kafka.brokers, 'CartUpdated', { count: ids.length, settleMs: 800, filter: byOrders(ids) });
    expect(messages.map((m) => m.key).sort()).toEqual([...ids].sort());
    const stamped = messages.find((m) => m.key === `${ids[0]}-x`);
    expect(stamped?.headers['x-correlation-id']).toBe('corr-flow-1');
    expect(JSON.parse(stamped?.value ?? '{}').correlationId).toBe('corr-flow-1');
    expect(stamped?.headers['x-event-type']).toBe('CartUpdated');
    expect(stamped?.headers['x-schema-version']).toBe('1');
    // Same partition for the same key, in commit order.
    await waitFor(async () => (await outboxCounts(dataSource)).published === ids.length);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const rolledBack = `ord-rollback-${randomUUID()}`;
    await expect(
      dataSource.transaction(async (manager) => {
        await writer.append(manager, cartUpdated(rolledBack));
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const [committed] = await placeOrders(1);
    relay().start();
    const messages = await readTopic(kafka.brokers, 'CartUpdated', { count: 1, settleMs: 800, filter: byOrders([rolledBack, committed]) });
    expect(messages.map((m) => m.key)).toEqual([committed]);
    expect(await outboxCounts(dataSource)).toEqual({ total: 1, published: 1 });
  });

  it('refuses to append outside a transaction', async () => {
    await expect(writer.append(dataSource.manager, cartUpdated())).rejects.toThrow(/open transaction/);
    expect((await outboxCounts(dataSource)).total).toBe(0);
  });

  it('refuses to write an invalid event into the outbox', async () => {
    const event = cartUpdated();
    const invalid = { ...event, payload: { ...event.payload, totalMinor: 1.5 } };
    await expect(dataSource.transaction((manager) => writer.append(manager, invalid))).rejects.toThrow(/payload.totalMinor/);
    expect((await outboxCounts(dataSource)).total).toBe(0);
  });

  it('is woken by the commit (NOTIFY), not by its poll', async () => {
    relay({ pollIntervalMs: 60_000 }).start();
    await waitFor(async () => (await dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE query LIKE 'LISTEN%'`)).length > 0);
    const started = Date.now();
    const ids = await placeOrders(1);
    await readTopic(kafka.brokers, 'CartUpdated', { count: 1, filter: byOrders(ids), timeoutMs: 10_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    await waitFor(async () => (await outboxCounts(dataSource)).published === 1, { timeoutMs: 3_000 });
  });

  it('publishes every row exactly once when the relay is stopped mid-way and a new one takes over', async () => {
    const ids = await placeOrders(120);
    const first = relay({ batchSize: 10 });
    first.start();
    await waitFor(() => first.published >= 20, { intervalMs: 5 });
    await first.stop();
    const midway = await outboxCounts(dataSource);
    expect(midway.published).toBeGreaterThanOrEqual(20);
    expect(midway.published).toBeLessThan(120);

    const second = relay({ batchSize: 10 });
    second.start();
    await waitFor(async () => (await outboxCounts(dataSource)).published === 120, { timeoutMs: 20_000 });
    const messages = await readTopic(kafka.brokers, 'CartUpdated', { count: 120, settleMs: 1000, filter: byOrders(ids) });
    expect(messages).toHaveLength(120);
    expect(new Set(messages.map((m) => m.key)).size).toBe(120);
    expect(first.published + second.published).toBe(120);
  });

  it('two relays on one schema publish each row once and keep per-order order', async () => {
    const orderId = `ord-order-${randomUUID()}`;
    const events = Array.from({ length: 30 }, () => cartUpdated(orderId));
    for (const event of events) {
      await dataSource.transaction((manager) => writer.append(manager, event));
    }
    relay({ batchSize: 5 }).start();
    relay({ batchSize: 5 }).start();
    const messages = await readTopic(kafka.brokers, 'CartUpdated', { count: 30, settleMs: 800, filter: byOrders([orderId]) });
    expect(messages.map((m) => JSON.parse(m.value ?? '{}').id)).toEqual(events.map((e) => e.id));
  });

  it('keeps rows while Kafka is down and publishes them once it comes up', async () => {
    const port = await freePort();
    const brokers = [`127.0.0.1:${port}`];
    const ids = await placeOrders(3);
    relay({ backoff: { initialDelayMs: 100, maxDelayMs: 300 } }, brokers).start();
    await waitFor(async () => {
      const [row] = await dataSource.query(`SELECT min(attempts)::int AS attempts, bool_and(last_error IS NOT NULL) AS failed FROM ${SCHEMA}.outbox`);
      return row.attempts >= 1 && row.failed;
    }, { timeoutMs: 20_000, description: 'a failed publish attempt' });
    expect((await outboxCounts(dataSource)).published).toBe(0);

    const late = await startTestKafka({ port });
    try {
      await waitFor(async () => (await outboxCounts(dataSource)).published === 3, { timeoutMs: 30_000, description: 'rows published after Kafka came up' });
      const messages = await readTopic(brokers, 'CartUpdated', { count: 3, settleMs: 500, filter: byOrders(ids) });
      expect(messages.map((m) => m.key).sort()).toEqual([...ids].sort());
      const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox WHERE last_error IS NOT NULL`);
      expect(row.n).toBe(0);
    } finally {
      await Promise.all(relays.splice(0).map((r) => r.stop()));
      await late.stop();
    }
  }, 60_000);

  it('cleans up published rows past their retention and keeps unpublished ones', async () => {
    await placeOrders(3);
    const r = relay();
    expect(await r.backlog()).toMatchObject({ pending: 3 });
    await r.publishPending();
    await placeOrders(1);
    const backlog = await r.backlog();
    expect(backlog.pending).toBe(1);
    expect(backlog.oldestAgeMs).toBeGreaterThanOrEqual(0);
    await dataSource.query(`UPDATE ${SCHEMA}.outbox SET published_at = now() - interval '8 days' WHERE published_at IS NOT NULL`);
    expect(await r.cleanup(7 * 24 * 3600_000)).toBe(3);
    expect(await outboxCounts(dataSource)).toEqual({ total: 1, published: 0 });
  });
});
