/* The e2e test composes several services in one process, each in its own Nest app. */
/* eslint-disable @nx/enforce-module-boundaries */
import { Topics } from '@order-platform/contracts';
import { startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { cartService } from '../../cart/src/cart.service-definition';
import { hashApiKey } from '../../cart/src/wholesale/customers/api-key-hash';
import { DEMO_TRADE_CUSTOMER } from '../../cart/src/wholesale/demo-data/demo-wholesale-data';
import { gatewayService } from '../src/gateway.service-definition';

type Started = Awaited<ReturnType<typeof startServiceForTest>>;

const KEY = DEMO_TRADE_CUSTOMER.apiKey;
const OTHER_KEY = `other-${randomUUID()}`;

/** The contract's request, with a fresh customer_order_no. */
function contractRequest(customerOrderNo: string, overrides: object = {}) {
  return {
    customer_order_no: customerOrderNo,
    order_type: 'WHOLESALE',
    delivery_method: 'DELIVER',
    delivery_name: '',
    delivery_company_name: 'ML Accessories Limited',
    delivery_address1: 'Unit 4 Foster Avenue',
    delivery_address2: 'Woodside Park',
    delivery_town: 'Dunstable',
    delivery_county: 'Bedfordshire',
    delivery_country_code: 'GB',
    delivery_postcode: 'LU5 5TA',
    delivery_telephone: '01582 88 77 60',
    notes: 'Deliver to office.',
    products: [
      { product_code: 'VFR8CW', quantity: 10 },
      { product_code: 'VFR8BEZMW', quantity: 5 },
      { product_code: 'VFR8BEZCBR', quantity: 5 },
    ],
    ...overrides,
  };
}

describe('wholesale orders API over HTTP: gateway -> cart over Kafka and PostgreSQL', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let cartDb: TestDatabase;
  let cart: Started;
  let gateway: Started;
  let events: TopicReader;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    cartDb = await postgres.createDatabase('cart_wholesale_http');
    cart = await startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: cartDb.url }, { DEMO_DATA: 'true' });
    gateway = await startServiceForTest(gatewayService, { brokers: kafka.brokers });
    events = await TopicReader.start(kafka.brokers, [Topics.CartUpdated]);
    sql = new Client({ connectionString: cartDb.url });
    await sql.connect();
    await sql.query(
      `INSERT INTO "${cart.schema}".trade_customers (id, company_name, contact_name, email, api_key_sha256, payment_terms)
       VALUES ('OTHER01', 'Other Trade Ltd', 'Jane Roe', 'jane@other.example', $1, 'card')`,
      [hashApiKey(OTHER_KEY)],
    );
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await events?.stop();
    await gateway?.close();
    await cart?.close();
    await cartDb?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  function call(method: string, path: string, body?: unknown, apiKey: string | null = KEY): Promise<Response> {
    const headers: Record<string, string> = { ...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${gateway.url}${path}`, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  }

  async function createOrder(no: string): Promise<{ order_id: number }> {
    const response = await call('POST', '/apis/customer/orders', contractRequest(no));
    expect(response.status).toBe(201);
    return (await response.json()) as { order_id: number };
  }

  it('creates (201) and renders the order exactly as the contract shows, then updates it (200)', async () => {
    const no = `MLA-API #${randomUUID().slice(0, 8)}`;
    const response = await call('POST', '/apis/customer/orders', contractRequest(no));
    expect(response.status).toBe(201);
    const order = (await response.json()) as Record<string, unknown>;
    expect(order).toEqual({
      order_id: expect.any(Number),
      order_number: expect.any(Number),
      customer_order_no: no,
      order_state: 'OPEN',
      order_type: 'WHOLESALE',
      delivery_method: 'DELIVER',
      delivery_name: null,
      delivery_company_name: 'ML Accessories Limited',
      delivery_address1: 'Unit 4 Foster Avenue',
      delivery_address2: 'Woodside Park',
      delivery_town: 'Dunstable',
      delivery_county: 'Bedfordshire',
      delivery_country_code: 'GB',
      delivery_postcode: 'LU5 5TA',
      delivery_telephone: '01582 88 77 60',
      notes: 'Deliver to office.',
      products: [
        { product_code: 'VFR8CW', type: 'stock', quantity: 10, description: 'PROKNIGHT LED 8w IP65 FIRE RATED 4000K', vat_code: 'S', vat_rate: 0.2, unit_price: 23.45, line_price: 234.5, vat: 46.9, unit_weight: 0.251, line_weight: 2.51 },
        { product_code: 'VFR8BEZMW', type: 'stock', quantity: 5, description: 'PROKNIGHT BEZEL MATT WHITE', vat_code: 'S', vat_rate: 0.2, unit_price: 1.23, line_price: 6.15, vat: 1.23, unit_weight: 0.045, line_weight: 0.225 },
        { product_code: 'VFR8BEZCBR', type: 'stock', quantity: 5, description: 'PROKNIGHT BEZEL BRUSHED CHROME', vat_code: 'S', vat_rate: 0.2, unit_price: 2.34, line_price: 11.7, vat: 2.34, unit_weight: 0.055, line_weight: 0.275 },
      ],
      carriage_tba: false,
      total_vat: 50.47,
      total_price: 252.35,
      total_weight: 3.01,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00$/),
      created_by: 'John Doe',
      placed_by: null,
      deleted_by: null,
    });
    expect(Number.isInteger(order['order_id'])).toBe(true);

    const update = await call('POST', '/apis/customer/orders', contractRequest(no, { products: [{ product_code: 'VFR8CW', quantity: 5 }] }));
    expect(update.status).toBe(200);
    const updated = (await update.json()) as Record<string, unknown>;
    expect(updated).toMatchObject({ order_id: order['order_id'], order_number: order['order_number'], total_price: 127.25, total_vat: 25.45, total_weight: 1.255, carriage_tba: false });
    expect((updated['products'] as unknown[])[1]).toEqual({
      product_code: 'CA',
      type: 'nonstock',
      quantity: 1,
      description: 'Carriage Charge',
      vat_code: 'S',
      vat_rate: 0.2,
      unit_price: 10,
      line_price: 10,
      vat: 2,
      unit_weight: 0,
      line_weight: 0,
    });

    const got = await call('GET', `/apis/customer/orders/${String(order['order_id'])}`);
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(updated);
  });

  it('marks carriage to be advised for an unpriced delivery country', async () => {
    const response = await call('POST', '/apis/customer/orders', contractRequest(`TBA-${randomUUID()}`, { delivery_country_code: 'FR', products: [{ product_code: 'VFR8CW', quantity: 1 }] }));
    expect(response.status).toBe(201);
    const order = (await response.json()) as { carriage_tba: boolean; products: Array<{ product_code: string }> };
    expect(order.carriage_tba).toBe(true);
    expect(order.products.map((line) => line.product_code)).toEqual(['VFR8CW']);
  });

  it('answers 404 for another customer’s order, a missing one and a malformed id', async () => {
    const { order_id } = await createOrder(`MINE-${randomUUID()}`);
    for (const [path, key] of [
      [`/apis/customer/orders/${order_id}`, OTHER_KEY],
      ['/apis/customer/orders/99999999', KEY],
      ['/apis/customer/orders/abc', KEY],
    ] as const) {
      const response = await call('GET', path, undefined, key);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ message: expect.stringMatching(/^Order .+ not found$/) });
    }
    const place = await call('PUT', `/apis/customer/orders/${order_id}/place`, undefined, OTHER_KEY);
    expect(place.status).toBe(404);
  });

  it('answers 401 { message: "Invalid API credentials" } without or with a wrong key', async () => {
    for (const [method, path, body, key] of [
      ['GET', '/apis/customer/orders/2345', undefined, null],
      ['GET', '/apis/customer/orders/2345', undefined, 'wrong-key'],
      ['POST', '/apis/customer/orders', contractRequest('X'), null],
      ['POST', '/apis/customer/orders', contractRequest('X'), 'wrong-key'],
      ['PUT', '/apis/customer/orders/2345/place', undefined, 'wrong-key'],
    ] as const) {
      const response = await call(method, path, body, key);
      expect({ method, key, status: response.status }).toEqual({ method, key, status: 401 });
      expect(await response.json()).toEqual({ message: 'Invalid API credentials' });
    }
  });

  it('answers 422 naming each bad field', async () => {
    const invalid = await call(
      'POST',
      '/apis/customer/orders',
      contractRequest('x'.repeat(51), {
        order_type: 'RETAIL',
        delivery_address1: '',
        delivery_town: null,
        delivery_postcode: 'P'.repeat(13),
        delivery_country_code: 'GBR',
        notes: 'n'.repeat(501),
        coupon: 'X',
        products: [{ product_code: 'VFR8CW', quantity: 0 }, { product_code: 'VFR8CW', quantity: -1 }, { product_code: '', quantity: 1.5 }],
      }),
    );
    expect(invalid.status).toBe(422);
    const body = (await invalid.json()) as { message: string; errors: Record<string, string[]> };
    expect(body.message).toBe('Request validation failed');
    expect(Object.keys(body.errors).sort()).toEqual(
      [
        'coupon',
        'customer_order_no',
        'delivery_address1',
        'delivery_country_code',
        'delivery_postcode',
        'delivery_town',
        'notes',
        'order_type',
        'products[0].quantity',
        'products[1].quantity',
        'products[2].product_code',
        'products[2].quantity',
      ].sort(),
    );
    expect(body.errors['customer_order_no']).toEqual(['must be shorter than or equal to 50 characters']);

    const unknown = await call('POST', '/apis/customer/orders', contractRequest(`U-${randomUUID()}`, { products: [{ product_code: 'VFR8CW', quantity: 1 }, { product_code: 'NOPE', quantity: 2 }] }));
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toEqual({ message: 'The given data was invalid.', errors: { 'products[1].product_code': ['unknown product code NOPE'] } });

    const empty = await call('POST', '/apis/customer/orders', contractRequest(`E-${randomUUID()}`, { products: [] }));
    expect(empty.status).toBe(422);
    expect(Object.keys(((await empty.json()) as { errors: object }).errors)).toEqual(['products']);
  });

  it('places an order (204) into the checkout flow, then answers 409 to placing or updating it again', async () => {
    const no = `PLACE-${randomUUID()}`;
    const { order_id } = await createOrder(no);
    const placed = await call('PUT', `/apis/customer/orders/${order_id}/place`);
    expect(placed.status).toBe(204);
    expect(await placed.text()).toBe('');

    const again = await call('PUT', `/apis/customer/orders/${order_id}/place`);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ message: `Order ${order_id} has already been placed` });
    const update = await call('POST', '/apis/customer/orders', contractRequest(no));
    expect(update.status).toBe(409);
    expect(await update.json()).toEqual({ message: expect.stringContaining('has already been placed and can no longer be updated') });

    const got = (await (await call('GET', `/apis/customer/orders/${order_id}`)).json()) as Record<string, unknown>;
    expect(got).toMatchObject({ order_state: 'PLACED', placed_by: 'John Doe' });

    const [row] = (await sql.query(`SELECT platform_order_id FROM "${cart.schema}".wholesale_orders WHERE order_id = $1`, [order_id])).rows as Array<{ platform_order_id: string }>;
    const event = await waitFor(
      () => events.on(Topics.CartUpdated).find((m) => (m.value as { orderId?: string }).orderId === row.platform_order_id),
      { timeoutMs: 20_000, description: 'CartUpdated for the placed order' },
    );
    expect(event.value).toMatchObject({ payload: { channel: 'wholesale', currency: 'GBP', subtotalMinor: 25235, taxMinor: 5047, totalMinor: 30282, paymentTerms: 'account' } });
    expect(events.on(Topics.CartUpdated).filter((m) => (m.value as { orderId?: string }).orderId === row.platform_order_id)).toHaveLength(1);
  });

  it('documents the wholesale operations in the OpenAPI document', async () => {
    const document = (await (await fetch(`${gateway.url}/docs/json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths['/apis/customer/orders'] ?? {})).toContain('post');
    expect(Object.keys(document.paths['/apis/customer/orders/{order_id}'] ?? {})).toContain('get');
    expect(Object.keys(document.paths['/apis/customer/orders/{order_id}/place'] ?? {})).toContain('put');
  });
});
