import { createEvent, Topics } from '@order-platform/contracts';
import { inboxHas, publishEventForTest, startServiceForTest, tablesOf } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { paymentService } from '../src/payment.service-definition';

describe('payment service skeleton (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let service: Awaited<ReturnType<typeof startServiceForTest>>;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('payment');
    service = await startServiceForTest(paymentService, { brokers: kafka.brokers, databaseUrl: database.url }, {});
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

  it('consumes InvoiceCreated in its own consumer group and records it once in its inbox', async () => {
    const orderId = randomUUID();
    const event = createEvent(
    Topics.InvoiceCreated,
    {
      orderId,
      invoiceId: randomUUID(),
      invoiceNumber: 'INV-2026-000001',
      customerId: '8080',
      currency: 'USD',
      lines: [{ description: 'Demo product 1234', productId: '1234', quantity: 2, unitPriceMinor: 5000, taxMinor: 1803, totalMinor: 10000 }],
      subtotalMinor: 8197,
      taxMinor: 1803,
      totalMinor: 10000,
      issuedAt: new Date().toISOString(),
    },
    { correlationId: `test-${orderId}` },
  );
    await publishEventForTest(kafka.brokers, event);
    await waitFor(() => inboxHas(database.url, service.schema, 'payment', event.id), { timeoutMs: 30_000, description: 'InvoiceCreated in the inbox' });
  });

  it('serves /health, /health/ready and /metrics', async () => {
    expect(await (await fetch(`${service.url}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
    expect(await (await fetch(`${service.url}/metrics`)).text()).toContain('service="payment"');
  });
});
