import { type CommandReply, Commands, type GetOrderResponse } from '@order-platform/contracts';
import { CommandClientForTest, publishEventForTest, startServiceForTest } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { orderStatusService } from '../src/order-status.service-definition';
import { checkoutEvents } from './order-events.fixtures';

/** `GET /internal/orders/{id}` answers exactly what the get-order command replies over Kafka. */
describe('order-status internal HTTP read (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let service: Awaited<ReturnType<typeof startServiceForTest>>;
  let commands: CommandClientForTest;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('order_status');
    service = await startServiceForTest(orderStatusService, { brokers: kafka.brokers, databaseUrl: database.url });
    commands = await CommandClientForTest.connect(kafka.brokers, [Commands.OrderStatus.GetOrder]);
  }, 90_000);

  afterAll(async () => {
    await commands?.close();
    await service?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  async function httpRead(orderId: string): Promise<{ status: number; body: CommandReply<GetOrderResponse> }> {
    const response = await fetch(`${service.url}/internal/orders/${encodeURIComponent(orderId)}`);
    return { status: response.status, body: (await response.json()) as CommandReply<GetOrderResponse> };
  }

  const kafkaRead = (orderId: string) => commands.send<CommandReply<GetOrderResponse>>(Commands.OrderStatus.GetOrder, { orderId }, orderId);

  it('serves the same reply as the Kafka handler for a known order', async () => {
    const orderId = randomUUID();
    const events = checkoutEvents(orderId);
    for (const event of [events.cartUpdated, events.invoiceCreated]) await publishEventForTest(kafka.brokers, event);
    const overHttp = await waitFor(
      async () => {
        const read = await httpRead(orderId);
        return read.status === 200 && read.body.ok && read.body.data.timeline.length === 2 ? read : undefined;
      },
      { timeoutMs: 30_000, description: 'two timeline steps over HTTP' },
    );

    expect(overHttp.body).toMatchObject({ ok: true, data: { orderId, status: 'invoiced' } });
    expect(overHttp.body).toEqual(await kafkaRead(orderId));
  });

  it('answers 404 with the NOT_FOUND reply for an unknown order', async () => {
    const orderId = randomUUID();
    const read = await httpRead(orderId);
    expect(read.status).toBe(404);
    expect(read.body).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: `Order ${orderId} not found` } });
    expect(read.body).toEqual(await kafkaRead(orderId));
  });

  it('answers 503 with the UNAVAILABLE reply when the read model cannot be read', async () => {
    const sql = new Client({ connectionString: database.url });
    await sql.connect();
    try {
      await sql.query(`ALTER TABLE "${service.schema}".orders RENAME TO orders_away`);
      const read = await httpRead(randomUUID());
      expect(read.status).toBe(503);
      expect(read.body).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'order status is unavailable, please retry' } });
    } finally {
      await sql.query(`ALTER TABLE "${service.schema}".orders_away RENAME TO orders`);
      await sql.end();
    }
  });
});
