import { type CommandReply, Commands, Topics } from '@order-platform/contracts';
import {
  CommandClientForTest,
  startServiceForTest,
  type SubmittedCartResponse,
  TopicReader,
} from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { cartService } from '../src/cart.service-definition';

describe('cart: submit-cart command (real PostgreSQL + Kafka-protocol broker)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let cart: Awaited<ReturnType<typeof startServiceForTest>>;
  let commands: CommandClientForTest;
  let events: TopicReader;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('cart');
    cart = await startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: database.url }, { DEMO_DATA: 'true' });
    commands = await CommandClientForTest.connect(kafka.brokers, [Commands.Cart.SubmitCart]);
    events = await TopicReader.start(kafka.brokers, [Topics.CartUpdated]);
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 90_000);

  afterAll(async () => {
    await sql?.end();
    await events?.stop();
    await commands?.close();
    await cart?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  function submit(payload: object): Promise<CommandReply<SubmittedCartResponse>> {
    return commands.send(Commands.Cart.SubmitCart, payload, '8080');
  }

  it('persists the priced order and publishes CartUpdated from the outbox', async () => {
    const cartId = randomUUID();
    const reply = await submit({ cartId, customerId: '8080', channel: 'checkout', items: [{ productId: '1234', quantity: 2, unitPriceMinor: 5000 }] });

    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    // 100.00 holds 18.03 of tax at 22 %, rounded to whole units by default (TAX_ROUNDING_INCREMENT=1).
    expect(reply.data).toMatchObject({ status: 'submitted', currency: 'USD', totalMinor: 10000, taxMinor: 1800, subtotalMinor: 8200 });
    const orderId = reply.data.orderId;

    const orders = await sql.query(`SELECT cart_id, customer_id, total_minor FROM "${cart.schema}".orders WHERE id = $1`, [orderId]);
    expect(orders.rows).toEqual([{ cart_id: cartId, customer_id: '8080', total_minor: '10000' }]);
    const lines = await sql.query(`SELECT product_id, quantity FROM "${cart.schema}".order_lines WHERE order_id = $1`, [orderId]);
    expect(lines.rows).toEqual([{ product_id: '1234', quantity: 2 }]);

    const published = await waitFor(() => events.on(Topics.CartUpdated).find((m) => (m.value as { orderId?: string }).orderId === orderId), {
      timeoutMs: 20_000,
      description: 'CartUpdated on Kafka',
    });
    expect(published.key).toBe(orderId);
    expect(published.headers['x-event-type']).toBe('CartUpdated');
    expect(published.value).toMatchObject({ type: 'CartUpdated', schemaVersion: 1, payload: { orderId, totalMinor: 10000, taxMinor: 1800 } });
    // The customer snapshot billing, shipment and email read contact and address from.
    expect((published.value as { payload: { customer?: unknown } }).payload.customer).toEqual({
      customerId: '8080',
      name: 'Lital Hay',
      email: 'lital@example.com',
      phone: '0545870006',
      shippingAddress: '17 boulevard, 123 apt 6 Brooklyn NY',
      shippingPostalAddress: expect.objectContaining({ street: '17 boulevard, 123 apt 6', country: 'US' }),
    });

    const outbox = await sql.query(`SELECT published_at FROM "${cart.schema}".outbox WHERE topic = 'CartUpdated' AND key = $1`, [orderId]);
    expect(outbox.rows).toHaveLength(1);
    await waitFor(async () => (await sql.query(`SELECT 1 FROM "${cart.schema}".outbox WHERE key = $1 AND published_at IS NOT NULL`, [orderId])).rowCount === 1, {
      description: 'outbox row marked published',
    });
  });

  it('returns the same order when the same cart is submitted again', async () => {
    const cartId = randomUUID();
    const payload = { cartId, customerId: '8080', items: [{ productId: '2345', quantity: 1, unitPriceMinor: 10000 }] };
    const first = await submit(payload);
    const second = await submit(payload);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.data.orderId).toBe(first.data.orderId);
    const count = await sql.query(`SELECT count(*)::int AS n FROM "${cart.schema}".orders WHERE cart_id = $1`, [cartId]);
    expect(count.rows[0].n).toBe(1);
  });

  it('rejects unknown products, wrong prices and unknown customers naming the field', async () => {
    const reply = await submit({
      cartId: randomUUID(),
      customerId: '9999',
      items: [
        { productId: '0000', quantity: 1, unitPriceMinor: 100 },
        { productId: '1234', quantity: 1, unitPriceMinor: 4000 },
      ],
    });
    expect(reply).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'cart does not match the catalog',
        details: [
          { path: 'customerId', message: 'unknown customer 9999' },
          { path: 'items.0.productId', message: 'unknown product 0000' },
          { path: 'items.1.unitPriceMinor', message: 'price does not match the catalog price 50.00' },
        ],
      },
    });
  });

  it('rejects an empty cart and a bad quantity before touching the database', async () => {
    const empty = await submit({ cartId: randomUUID(), customerId: '8080', items: [] });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'items' })]));

    const badQuantity = await submit({ cartId: randomUUID(), customerId: '8080', items: [{ productId: '1234', quantity: 0, unitPriceMinor: 5000 }] });
    expect(badQuantity.ok).toBe(false);
    if (!badQuantity.ok) {
      expect(badQuantity.error.code).toBe('VALIDATION_FAILED');
      expect(badQuantity.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'items.0.quantity' })]));
    }
  });

  it('answers health, readiness and metrics', async () => {
    expect((await fetch(`${cart.url}/health`)).status).toBe(200);
    const ready = await fetch(`${cart.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'up' }, kafka: { status: 'up' } } });
    const metrics = await (await fetch(`${cart.url}/metrics`)).text();
    expect(metrics).toContain('service="cart"');
    // Earlier tests published CartUpdated events through the relay.
    const published = metrics.split('\n').find((line) => line.startsWith('outbox_relay_published_total{'));
    expect(Number(published?.split(' ').pop())).toBeGreaterThanOrEqual(1);
  });
});
