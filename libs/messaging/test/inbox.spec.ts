import { startTestPostgres, TestDatabase, TestPostgres } from '@order-platform/testing';
import { DataSource } from 'typeorm';
import { handleOnce } from '../src';
import { cartUpdated, openDataSource, OrderRow, SCHEMA } from './support/messaging-fixture';

describe('inbox (idempotent consumer) on PostgreSQL', () => {
  let postgres: TestPostgres;
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    postgres = await startTestPostgres();
  }, 60_000);

  afterAll(async () => {
    await postgres.stop();
  });

  beforeEach(async () => {
    database = await postgres.createDatabase('inbox');
    dataSource = await openDataSource(database);
  });

  afterEach(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const insertOrder = (id: string) => (manager: import('typeorm').EntityManager) => manager.getRepository(OrderRow).insert({ id, status: 'billed' }).then(() => id);

  it('handles an event once and acknowledges-and-skips a redelivery', async () => {
    const event = cartUpdated();
    const first = await handleOnce(dataSource, 'billing', event, insertOrder(event.orderId));
    const again = await handleOnce(dataSource, 'billing', event, insertOrder(event.orderId));
    expect(first).toEqual({ status: 'processed', result: event.orderId });
    expect(again).toEqual({ status: 'duplicate' });
    expect(await dataSource.getRepository(OrderRow).count()).toBe(1);
    const [row] = await dataSource.query(`SELECT consumer_group, event_id, event_type FROM ${SCHEMA}.processed_events`);
    expect(row).toEqual({ consumer_group: 'billing', event_id: event.id, event_type: 'CartUpdated' });
  });

  it('lets another consumer group handle the same event', async () => {
    const event = cartUpdated();
    await handleOnce(dataSource, 'billing', event, async () => undefined);
    expect((await handleOnce(dataSource, 'email', event, async () => undefined)).status).toBe('processed');
  });

  it('keeps neither the writes nor the inbox row when the handler fails, so a retry runs again', async () => {
    const event = cartUpdated();
    await expect(
      handleOnce(dataSource, 'billing', event, async (manager) => {
        await insertOrder(event.orderId)(manager);
        throw new Error('payment provider timeout');
      }),
    ).rejects.toThrow('payment provider timeout');
    expect(await dataSource.getRepository(OrderRow).count()).toBe(0);
    expect((await handleOnce(dataSource, 'billing', event, insertOrder(event.orderId))).status).toBe('processed');
  });

  it('runs a concurrent duplicate only once', async () => {
    const event = cartUpdated();
    let runs = 0;
    const slow = async (manager: import('typeorm').EntityManager) => {
      runs += 1;
      await new Promise((r) => setTimeout(r, 200));
      await insertOrder(event.orderId)(manager);
    };
    const results = await Promise.all([handleOnce(dataSource, 'billing', event, slow), handleOnce(dataSource, 'billing', event, slow)]);
    expect(results.map((r) => r.status).sort()).toEqual(['duplicate', 'processed']);
    expect(runs).toBe(1);
  });
});
