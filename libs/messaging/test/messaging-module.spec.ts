import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { PersistenceModule } from '@order-platform/persistence';
import { readTopic, startTestKafka, startTestPostgres, TestDatabase, TestKafka, TestPostgres } from '@order-platform/testing';
import { DataSource } from 'typeorm';
import { createMessagingTables, InboxHandler, MESSAGING_ENTITIES, MessagingModule, OutboxRelayService, OutboxWriter } from '../src';
import { cartUpdated, outboxCounts, SCHEMA } from './support/messaging-fixture';

describe('MessagingModule in a Nest application', () => {
  let postgres: TestPostgres;
  let kafka: TestKafka;
  let database: TestDatabase;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    kafka = await startTestKafka();
    database = await postgres.createDatabase('messaging_module');
  }, 60_000);

  afterAll(async () => {
    await database.drop();
    await kafka.stop();
    await postgres.stop();
  });

  it('starts the relay on bootstrap, publishes what the writer commits, handles inbox, and stops on close', async () => {
    @Module({
      imports: [
        PersistenceModule.forService({
          serviceName: 'orders-svc',
          url: database.url,
          schema: SCHEMA,
          entities: [...MESSAGING_ENTITIES],
          migrations: [createMessagingTables(SCHEMA)],
        }),
        MessagingModule.forService({ serviceName: 'orders-svc', brokers: kafka.brokers, relayOptions: { pollIntervalMs: 5_000 } }),
      ],
    })
    class ServiceModule {}

    const app = await NestFactory.createApplicationContext(ServiceModule, { logger: false });
    await app.init();
    const dataSource = app.get<DataSource>(getDataSourceToken());
    const writer = app.get(OutboxWriter);
    const inbox = app.get(InboxHandler);
    const relay = app.get(OutboxRelayService).relay;

    const event = cartUpdated();
    const result = await inbox.handleOnce('orders-svc', { id: 'upstream-1' }, (manager) => writer.append(manager, event));
    expect(result.status).toBe('processed');
    expect((await inbox.handleOnce('orders-svc', { id: 'upstream-1' }, (manager) => writer.append(manager, cartUpdated()))).status).toBe(
      'duplicate',
    );

    const [message] = await readTopic(kafka.brokers, 'CartUpdated', { count: 1, filter: (m) => m.key === event.orderId });
    expect(JSON.parse(message.value ?? '{}').id).toBe(event.id);
    expect(relay.published).toBe(1);
    await app.close();

    // After close the relay is stopped: a new commit stays in the outbox.
    const check = await new DataSource({ ...dataSource.options, entities: [] } as never).initialize();
    try {
      await check.query(`INSERT INTO ${SCHEMA}.outbox (id, topic, key, payload) VALUES (gen_random_uuid(), 'X', 'k', '{}')`);
      await new Promise((r) => setTimeout(r, 300));
      expect(await outboxCounts(check)).toEqual({ total: 2, published: 1 });
    } finally {
      await check.destroy();
    }
  }, 60_000);
});
