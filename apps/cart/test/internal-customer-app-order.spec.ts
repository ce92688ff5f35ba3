import { type CommandReply, Commands, type CustomerAppOrderView } from '@order-platform/contracts';
import { CommandClientForTest, startServiceForTest } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { cartService } from '../src/cart.service-definition';

/** `GET /internal/customer-app-orders/{id}` answers exactly what the customer-app get-order command replies over Kafka. */
describe('cart internal HTTP read of customer-app orders (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let cart: Awaited<ReturnType<typeof startServiceForTest>>;
  let commands: CommandClientForTest;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('cart_internal_read');
    cart = await startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: database.url }, { DEMO_DATA: 'true' });
    commands = await CommandClientForTest.connect(kafka.brokers, [Commands.CustomerApp.CreateOrder, Commands.CustomerApp.GetOrder]);
  }, 90_000);

  afterAll(async () => {
    await commands?.close();
    await cart?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  async function httpRead(orderId: string): Promise<{ status: number; body: CommandReply<CustomerAppOrderView> }> {
    const response = await fetch(`${cart.url}/internal/customer-app-orders/${encodeURIComponent(orderId)}`);
    return { status: response.status, body: (await response.json()) as CommandReply<CustomerAppOrderView> };
  }

  const kafkaRead = (orderId: string) => commands.send<CommandReply<CustomerAppOrderView>>(Commands.CustomerApp.GetOrder, { orderId }, orderId);

  it('serves the same reply as the Kafka handler for a known draft', async () => {
    const created = await commands.send<CommandReply<CustomerAppOrderView>>(
      Commands.CustomerApp.CreateOrder,
      { customerId: '5', restaurantId: '9', lines: [{ productId: 'margherita', quantity: 2 }], tableNumber: 'A1' },
      '5',
    );
    if (!created.ok) throw new Error(`draft not created: ${JSON.stringify(created.error)}`);
    const orderId = created.data.orderId;

    const overHttp = await httpRead(orderId);
    expect(overHttp.status).toBe(200);
    expect(overHttp.body).toMatchObject({ ok: true, data: { orderId, customerId: '5', restaurantId: '9', state: 'CREATED', tableNumber: 'A1' } });
    expect(overHttp.body).toEqual(await kafkaRead(orderId));
  });

  it('answers 404 with the NOT_FOUND reply for an unknown draft', async () => {
    const orderId = randomUUID();
    const read = await httpRead(orderId);
    expect(read.status).toBe(404);
    expect(read.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(read.body).toEqual(await kafkaRead(orderId));
  });

  it('answers 503 with the UNAVAILABLE reply when the drafts cannot be read', async () => {
    const sql = new Client({ connectionString: database.url });
    await sql.connect();
    try {
      await sql.query(`ALTER TABLE "${cart.schema}".customer_app_orders RENAME TO customer_app_orders_away`);
      const read = await httpRead(randomUUID());
      expect(read.status).toBe(503);
      expect(read.body).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'cart is unavailable, please retry' } });
    } finally {
      await sql.query(`ALTER TABLE "${cart.schema}".customer_app_orders_away RENAME TO customer_app_orders`);
      await sql.end();
    }
  });
});
