/* The e2e test composes several services in one process, each in its own Nest app. */
/* eslint-disable @nx/enforce-module-boundaries */
import { createEvent, Topics, type TypedEvent } from '@order-platform/contracts';
import { inboxHas, publishEventForTest, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { Client } from 'pg';
import { billingService } from '../../billing/src/billing.service-definition';
import { cartService } from '../../cart/src/cart.service-definition';
import { gatewayService } from '../src/gateway.service-definition';

type Started = Awaited<ReturnType<typeof startServiceForTest>>;

describe('walking skeleton: gateway -> cart -> billing over Kafka and PostgreSQL', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let cartDb: TestDatabase;
  let billingDb: TestDatabase;
  let cart: Started;
  let billing: Started;
  let gateway: Started;
  let events: TopicReader;
  let billingSql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    [cartDb, billingDb] = await Promise.all([postgres.createDatabase('cart'), postgres.createDatabase('billing')]);
    [cart, billing] = await Promise.all([
      startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: cartDb.url }, { DEMO_DATA: 'true' }),
      startServiceForTest(billingService, { brokers: kafka.brokers, databaseUrl: billingDb.url }),
    ]);
    gateway = await startServiceForTest(gatewayService, { brokers: kafka.brokers });
    events = await TopicReader.start(kafka.brokers, [Topics.CartUpdated, Topics.InvoiceCreated]);
    billingSql = new Client({ connectionString: billingDb.url });
    await billingSql.connect();
  }, 120_000);

  afterAll(async () => {
    await billingSql?.end();
    await events?.stop();
    await gateway?.close();
    await Promise.all([cart?.close(), billing?.close()]);
    await Promise.all([cartDb?.drop(), billingDb?.drop()]);
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  function postCart(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${gateway.url}/api/order/cart.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function invoicesFor(orderId: string): Promise<Array<{ id: string; number: string; total_minor: string }>> {
    const result = await billingSql.query(`SELECT id, number, total_minor FROM "${billing.schema}".invoices WHERE order_id = $1`, [orderId]);
    return result.rows;
  }

  it('prices a cart over HTTP, and billing invoices it exactly once even when CartUpdated is redelivered', async () => {
    const response = await postCart(
      {
        customerId: '8080',
        items: [
          { productId: '1234', quantity: 2, price: 50 },
          { productId: '2345', quantity: 1, price: 100 },
        ],
      },
      { 'x-correlation-id': 'skeleton-test-1' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-correlation-id')).toBe('skeleton-test-1');
    const order = (await response.json()) as { orderId: string };
    expect(order).toEqual({
      orderId: expect.any(String),
      tax: 36,
      subTotalAmount: 164,
      totalAmount: 200,
      items: [
        { productId: '1234', quantity: 2, price: 50 },
        { productId: '2345', quantity: 1, price: 100 },
      ],
      status: 'pending',
    });

    const [invoice] = await waitFor(async () => {
      const rows = await invoicesFor(order.orderId);
      return rows.length > 0 ? rows : undefined;
    }, { timeoutMs: 30_000, description: 'invoice in billing' });
    expect(invoice.total_minor).toBe('20000');

    const cartUpdated = events.on(Topics.CartUpdated).find((m) => (m.value as { orderId?: string }).orderId === order.orderId);
    expect(cartUpdated?.value).toMatchObject({ correlationId: 'skeleton-test-1' });
    const invoiceCreated = await waitFor(() => events.on(Topics.InvoiceCreated).find((m) => (m.value as { orderId?: string }).orderId === order.orderId), {
      timeoutMs: 20_000,
      description: 'InvoiceCreated',
    });
    expect(invoiceCreated.value).toMatchObject({ correlationId: 'skeleton-test-1', payload: { invoiceNumber: invoice.number } });

    // Redeliver the very same CartUpdated, then a marker for the same order (same partition,
    // consumed after it): once the marker is in billing's inbox, the duplicate was handled.
    const original = cartUpdated?.value as TypedEvent<'CartUpdated'>;
    await publishEventForTest(kafka.brokers, original);
    const marker = createEvent(Topics.CartUpdated, original.payload, { correlationId: original.correlationId });
    await publishEventForTest(kafka.brokers, marker);
    await waitFor(() => inboxHas(billingDb.url, billing.schema, 'billing', marker.id), { timeoutMs: 30_000, description: 'marker handled' });

    expect(await invoicesFor(order.orderId)).toHaveLength(1);
  });

  it('answers 400 naming each bad field', async () => {
    const response = await postCart({ customerId: 8080, items: [{ productId: '1234', quantity: 0, price: 'fifty' }], coupon: 'X' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; details: Array<{ field: string; message: string }> };
    expect(body.error).toBe('Request validation failed');
    const fields = new Set(body.details.map((d) => d.field));
    expect([...fields].sort()).toEqual(['coupon', 'customerId', 'items[0].price', 'items[0].quantity']);
    expect(JSON.stringify(body)).not.toMatch(/at .+\.ts:\d+/);
  });

  it('answers 400 naming the item when the catalog disagrees', async () => {
    const response = await postCart({
      customerId: '8080',
      items: [
        { productId: '9999', quantity: 1, price: 10 },
        { productId: '2345', quantity: 1, price: 99.99 },
      ],
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'cart does not match the catalog',
      details: [
        { field: 'items[0].productId', message: 'unknown product 9999' },
        { field: 'items[1].price', message: 'price does not match the catalog price 100.00' },
      ],
    });
  });

  it('answers 400, not 500, for a body that is not JSON', async () => {
    const response = await postCart('{"customerId": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: expect.any(String), details: [] });
  });

  it('serves the OpenAPI document at /docs/json', async () => {
    const response = await fetch(`${gateway.url}/docs/json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.paths).toHaveProperty(['/api/order/cart.json']);
    expect((await fetch(`${gateway.url}/docs`)).status).toBe(200);
  });

  it('answers /health and /health/ready on every service', async () => {
    for (const service of [gateway, cart, billing]) {
      expect(await (await fetch(`${service.url}/health`)).json()).toEqual({ status: 'ok' });
      expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
    }
  });
});
