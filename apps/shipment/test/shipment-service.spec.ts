import { createEvent, Topics } from '@order-platform/contracts';
import { inboxHas, publishEventForTest, startServiceForTest, tablesOf } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { shipmentService } from '../src/shipment.service-definition';

describe('shipment service skeleton (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let service: Awaited<ReturnType<typeof startServiceForTest>>;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('shipment');
    service = await startServiceForTest(shipmentService, { brokers: kafka.brokers, databaseUrl: database.url }, {});
  }, 90_000);

  afterAll(async () => {
    await service?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  it('migrates its own schema with the outbox and inbox tables', async () => {
    expect(await tablesOf(database.url, service.schema)).toEqual(expect.arrayContaining(['migrations', 'outbox', 'processed_events']));
  });

  it('consumes PaymentProcessed in its own consumer group and records it once in its inbox', async () => {
    const orderId = randomUUID();
    const event = createEvent(
    Topics.PaymentProcessed,
    {
      orderId,
      paymentId: randomUUID(),
      amountMinor: 10000,
      currency: 'USD',
      method: 'card',
      provider: 'sandbox',
      processedAt: new Date().toISOString(),
    },
    { correlationId: `test-${orderId}` },
  );
    await publishEventForTest(kafka.brokers, event);
    await waitFor(() => inboxHas(database.url, service.schema, 'shipment', event.id), { timeoutMs: 30_000, description: 'PaymentProcessed in the inbox' });
  });

  it('serves /health, /health/ready and /metrics', async () => {
    expect(await (await fetch(`${service.url}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
    expect(await (await fetch(`${service.url}/metrics`)).text()).toContain('service="shipment"');
  });
});
