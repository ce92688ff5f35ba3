/* The gateway is tested with the services it reads from (cart, order-status), each its own Nest app. */
/* eslint-disable @nx/enforce-module-boundaries */
import { createEvent, Topics } from '@order-platform/contracts';
import { publishEventForTest, startServiceForTest } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { cartService } from '../../cart/src/cart.service-definition';
import { orderStatusService } from '../../order-status/src/order-status.service-definition';
import { gatewayService } from '../src/gateway.service-definition';

type Started = Awaited<ReturnType<typeof startServiceForTest>>;
type ErrorBody = { error: string; details: Array<{ field: string; message: string }> };

describe('gateway checkout endpoints (real broker, PostgreSQL, cart and order-status)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let cartDb: TestDatabase;
  let statusDb: TestDatabase;
  let cart: Started;
  let orderStatus: Started;
  let gateway: Started;
  /** The same gateway reading orders from order-status's internal HTTP read instead of Kafka request-reply. */
  let httpReadsGateway: Started;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    [cartDb, statusDb] = await Promise.all([postgres.createDatabase('cart'), postgres.createDatabase('order_status')]);
    [cart, orderStatus] = await Promise.all([
      startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: cartDb.url }, { DEMO_DATA: 'true' }),
      startServiceForTest(orderStatusService, { brokers: kafka.brokers, databaseUrl: statusDb.url }),
    ]);
    [gateway, httpReadsGateway] = await Promise.all([
      startServiceForTest(gatewayService, { brokers: kafka.brokers }),
      // Its own client id: two gateways in one reply group would split the reply partitions.
      startServiceForTest(gatewayService, { brokers: kafka.brokers }, { ORDER_READS: 'http', ORDER_STATUS_URL: orderStatus.url, CART_URL: cart.url, KAFKA_CLIENT_ID: 'gateway-http-reads' }),
    ]);
  }, 150_000);

  afterAll(async () => {
    await Promise.all([gateway?.close(), httpReadsGateway?.close()]);
    await Promise.all([cart?.close(), orderStatus?.close()]);
    await Promise.all([cartDb?.drop(), statusDb?.drop()]);
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  async function post(path: string, body: unknown): Promise<{ status: number; body: ErrorBody }> {
    const response = await fetch(`${gateway.url}/api/order/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as ErrorBody };
  }

  function fieldsOf(body: ErrorBody): string[] {
    return [...new Set(body.details.map((detail) => detail.field))].sort();
  }

  const validInvoice = {
    customerId: '8080',
    orderId: '456',
    tax: 36.0,
    subTotalAmount: 164.0,
    totalAmount: 200.0,
    currency: 'USD',
    items: [{ productId: '1234', quantity: 2, price: 50 }],
    name: 'Lital Hay',
    phone: '0545870006',
    shipping_address: '17 boulevard, 123 apt 6 Brooklyn NY',
  };

  describe('400 naming each bad field', () => {
    it('cart.json: empty cart, zero and negative quantities, mistyped price, missing customer', async () => {
      const empty = await post('cart.json', { customerId: '8080', items: [] });
      expect(empty.status).toBe(400);
      expect(fieldsOf(empty.body)).toEqual(['items']);

      const bad = await post('cart.json', {
        items: [
          { productId: '1234', quantity: 0, price: 50 },
          { productId: '2345', quantity: -1, price: 'abc' },
        ],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toBe('Request validation failed');
      expect(fieldsOf(bad.body)).toEqual(['customerId', 'items[0].quantity', 'items[1].price', 'items[1].quantity']);
    });

    it('cart.json: an unknown product is named by the cart service', async () => {
      const unknown = await post('cart.json', { customerId: '8080', items: [{ productId: 'no-such-product', quantity: 1, price: 5 }] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details).toEqual([{ field: 'items[0].productId', message: 'unknown product no-such-product' }]);
    });

    it('invoice.json: every missing field, mistyped amounts and bad lines', async () => {
      const missing = await post('invoice.json', {});
      expect(missing.status).toBe(400);
      expect(fieldsOf(missing.body)).toEqual(
        ['currency', 'customerId', 'items', 'name', 'orderId', 'phone', 'shipping_address', 'subTotalAmount', 'tax', 'totalAmount'].sort(),
      );

      const mistyped = await post('invoice.json', {
        ...validInvoice,
        tax: '36',
        totalAmount: -200,
        currency: 'DOLLARS',
        items: [{ productId: '1234', quantity: 0, price: 50 }],
      });
      expect(mistyped.status).toBe(400);
      expect(fieldsOf(mistyped.body)).toEqual(['currency', 'items[0].quantity', 'tax', 'totalAmount']);

      const emptyCart = await post('invoice.json', { ...validInvoice, items: [] });
      expect(fieldsOf(emptyCart.body)).toEqual(['items']);
    });

    it('payment.json, shipping.json and email.json', async () => {
      const payment = await post('payment.json', { customerId: 8080, totalAmount: -1 });
      expect(payment.status).toBe(400);
      expect(fieldsOf(payment.body)).toEqual(['customerId', 'invoiceId', 'totalAmount']);

      const shipping = await post('shipping.json', { orderId: '456', name: '' });
      expect(shipping.status).toBe(400);
      expect(fieldsOf(shipping.body)).toEqual(['name', 'phone', 'shipping_address']);

      const email = await post('email.json', { event: 'NoSuchEvent', email: 'not-an-email' });
      expect(email.status).toBe(400);
      expect(fieldsOf(email.body)).toEqual(['email', 'event', 'name']);
    });

    it('rejects unknown fields and malformed JSON with 400, never 500', async () => {
      const extra = await post('shipping.json', { orderId: '456', name: 'a', phone: '1', shipping_address: 'x', surprise: true });
      expect(extra.status).toBe(400);
      expect(fieldsOf(extra.body)).toEqual(['surprise']);
      const malformed = await post('invoice.json', '{"orderId": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body).toEqual({ error: expect.any(String), details: [] });
    });
  });

  describe.each([
    ['kafka', () => gateway],
    ['http', () => httpReadsGateway],
  ])('GET /api/order/{orderId}.json (ORDER_READS=%s)', (mode, gatewayOf) => {
    /** How many times order-status has answered its internal HTTP read (its /metrics), by status. */
    async function internalReads(status: number): Promise<number> {
      const metrics = await (await fetch(`${orderStatus.url}/metrics`)).text();
      const line = metrics.split('\n').find((entry) => entry.startsWith('http_request_duration_seconds_count{') && entry.includes('route="/internal/orders/:orderId"') && entry.includes(`status_code="${status}"`));
      return line ? Number(line.split(' ').pop()) : 0;
    }

    it("returns the order's status and timeline from order-status", async () => {
      const orderId = randomUUID();
      const cartUpdated = createEvent(
        Topics.CartUpdated,
        {
          orderId,
          customerId: '8080',
          currency: 'USD',
          items: [{ productId: '1234', quantity: 2, unitPriceMinor: 5000, lineTotalMinor: 10000 }],
          subtotalMinor: 8197,
          taxMinor: 1803,
          totalMinor: 10000,
        },
        { correlationId: `test-${orderId}`, occurredAt: '2026-01-15T10:00:00.000Z' },
      );
      await publishEventForTest(kafka.brokers, cartUpdated);

      const body = await waitFor(
        async () => {
          const response = await fetch(`${gatewayOf().url}/api/order/${orderId}.json`);
          return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined;
        },
        { timeoutMs: 30_000, description: 'order status over HTTP' },
      );
      expect(body).toEqual({
        orderId,
        status: 'pending',
        timeline: [
          {
            step: 'CartUpdated',
            at: '2026-01-15T10:00:00+00:00',
            eventId: cartUpdated.id,
            details: { customerId: '8080', currency: 'USD', totalMinor: 10000, itemCount: 1 },
          },
        ],
      });
    });

    it('answers 404 in the checkout error shape for an unknown order', async () => {
      const orderId = randomUUID();
      const before = await internalReads(404);
      const response = await fetch(`${gatewayOf().url}/api/order/${orderId}.json`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: `Order ${orderId} not found`, details: [] });
      // Only the http mode goes through order-status's internal read.
      expect((await internalReads(404)) - before).toBe(mode === 'http' ? 1 : 0);
    });
  });

  describe('API documents', () => {
    it('serves the AsyncAPI document as JSON and YAML, with every event topic', async () => {
      const json = await fetch(`${gateway.url}/docs/asyncapi.json`);
      expect(json.status).toBe(200);
      expect(json.headers.get('content-type')).toContain('application/json');
      const document = (await json.json()) as { asyncapi: string; channels: Record<string, unknown> };
      expect(document.asyncapi).toBe('3.0.0');
      expect(Object.keys(document.channels).sort()).toEqual(Object.values(Topics).sort());

      const yaml = await fetch(`${gateway.url}/docs/asyncapi.yaml`);
      expect(yaml.status).toBe(200);
      expect(yaml.headers.get('content-type')).toContain('yaml');
      expect(await yaml.text()).toMatch(/^asyncapi: 3\.0\.0$/m);
    });

    it('documents every checkout endpoint in OpenAPI and links the AsyncAPI document', async () => {
      const openApi = (await (await fetch(`${gateway.url}/docs/json`)).json()) as {
        info: { description: string };
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      };
      expect(openApi.info.description).toContain('/docs/asyncapi.json');
      for (const path of ['cart', 'invoice', 'payment', 'shipping', 'email']) {
        const operation = openApi.paths[`/api/order/${path}.json`]?.['post'];
        expect(operation?.responses).toHaveProperty('200');
        expect(operation?.responses).toHaveProperty('400');
      }
      expect(openApi.paths['/api/order/{orderId}.json']?.['get']?.responses).toHaveProperty('404');
      expect(openApi.paths['/api/order/shipping.json']['post'].responses).toHaveProperty('409');
    });
  });
});
