import { randomUUID } from 'node:crypto';
import { createEvent, TypedEvent } from '@order-platform/contracts';
import { createDataSourceOptions, runMigrations } from '@order-platform/persistence';
import { TestDatabase } from '@order-platform/testing';
import { Column, DataSource, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { createMessagingTables, MESSAGING_ENTITIES } from '../../src';

export const SCHEMA = 'orders_svc';

/** A business table the tests write next to the outbox. */
@Entity({ name: 'orders' })
export class OrderRow {
  @PrimaryColumn('text')
  id: string;

  @Column('text')
  status: string;
}

class CreateOrders1700000000001 implements MigrationInterface {
  name = 'CreateOrders1700000000001';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE orders (id text PRIMARY KEY, status text NOT NULL)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE orders');
  }
}

export async function openDataSource(database: TestDatabase): Promise<DataSource> {
  const dataSource = await new DataSource(
    createDataSourceOptions({
      url: database.url,
      schema: SCHEMA,
      entities: [OrderRow, ...MESSAGING_ENTITIES],
      migrations: [createMessagingTables(SCHEMA), CreateOrders1700000000001],
      poolSize: 5,
    }),
  ).initialize();
  await runMigrations(dataSource);
  return dataSource;
}

export function cartUpdated(orderId = `ord-${randomUUID()}`, correlationId = 'corr-test'): TypedEvent<'CartUpdated'> {
  return createEvent(
    'CartUpdated',
    {
      orderId,
      customerId: 'cus-1',
      currency: 'EUR',
      items: [{ productId: 'p-1', quantity: 1, unitPriceMinor: 1000 }],
      subtotalMinor: 1000,
      taxMinor: 190,
      totalMinor: 1190,
    },
    { correlationId },
  );
}

export async function outboxCounts(dataSource: DataSource): Promise<{ total: number; published: number }> {
  const [row] = await dataSource.query(
    `SELECT count(*)::int AS total, count(published_at)::int AS published FROM ${SCHEMA}.outbox`,
  );
  return row;
}
