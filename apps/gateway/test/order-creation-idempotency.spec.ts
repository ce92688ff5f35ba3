/* Idempotency-Key on the order-creating routes over HTTP: gateway + cart on a real broker and PostgreSQL, demo data. */
/* eslint-disable @nx/enforce-module-boundaries */
import { startServiceForTest } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { cartService } from '../../cart/src/cart.service-definition';
import { gatewayService } from '../src/gateway.service-definition';

type Started = Awaited<ReturnType<typeof startServiceForTest>>;
type Body = Record<string, unknown>;

const USERS = ['customer5', 'customer6', 'restaurant9'] as const;
type User = (typeof USERS)[number];
const ADDRESS = { street: 'Allée des techniques avancées', latitude: 48.711042, longitude: 2.219278 };
const NEARBY = { street: 'Rue de la Vauve', latitude: 48.7135, longitude: 2.2205 };

describe('Idempotency-Key on order creation over HTTP (gateway + cart)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let cartDb: TestDatabase;
  let cart: Started;
  let gateway: Started;
  let sql: Client;
  const tokens: Partial<Record<User, string>> = {};
  let groupOrderId: string;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    cartDb = await postgres.createDatabase('cart');
    cart = await startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: cartDb.url }, { DEMO_DATA: 'true', GROUP_ORDER_CLOCK: 'controllable' });
    gateway = await startServiceForTest(gatewayService, { brokers: kafka.brokers }, { JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long' });
    sql = new Client({ connectionString: cartDb.url });
    await sql.connect();
    await sql.query(`SET search_path TO "${cart.schema}"`);
    for (const user of USERS) {
      const issued = await call('POST', '/auth/token', { body: { username: user, password: `${user}-demo` }, as: null });
      expect(issued.status).toBe(200);
      tokens[user] = String(issued.body['access_token']);
    }
  }, 150_000);

  afterAll(async () => {
    await sql?.end();
    await gateway?.close();
    await cart?.close();
    await cartDb?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  async function call(method: string, path: string, { body, as = 'customer5', key }: { body?: unknown; as?: User | null; key?: string } = {}) {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (as) headers['authorization'] = `Bearer ${tokens[as]}`;
    if (key !== undefined) headers['idempotency-key'] = key;
    const response = await fetch(`${gateway.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Body };
  }

  const keyRows = async (key: string) => (await sql.query(`SELECT requester, operation, order_id FROM idempotent_requests WHERE key = $1`, [key])).rows;
  const reused = (key: string) => ({ status: 422, body: { errorKey: 'idempotencyKeyReused', message: `The Idempotency-Key ${key} was already used for a different request.` } });

  it('POST /orders (FoodRush): the trimmed key reaches the cart; a retry answers 201 with the same order', async () => {
    const key = `create-${randomUUID()}`;
    const body = { foodRushDurationInMinutes: 30, productFormats: { '1': 2, '2': 1 }, deliveryAddress: ADDRESS };
    const created = await call('POST', '/orders', { body, key: `  ${key}  ` });
    expect(created.status).toBe(201);
    const retried = await call('POST', '/orders', { body, key });
    expect(retried).toEqual({ status: 201, body: created.body });
    expect(await keyRows(key)).toEqual([{ requester: 'customer 5', operation: 'group-create', order_id: created.body['id'] }]);
    const read = await call('GET', `/orders/${String(created.body['id'])}?include=groupOrder`);
    groupOrderId = String((read.body['groupOrder'] as Body)['id']);

    expect(await call('POST', '/orders', { body: { ...body, comment: 'Ring twice' }, key })).toEqual(reused(key));
  });

  it('POST /groupOrders/{id}/orders: a retry answers 201 with the same member order, the group counted once', async () => {
    const key = `join-${randomUUID()}`;
    const body = { productFormats: { '1': 1, '2': 1 }, deliveryAddress: NEARBY };
    const joined = await call('POST', `/groupOrders/${groupOrderId}/orders`, { as: 'customer6', body, key });
    expect(joined.status).toBe(201);
    const retried = await call('POST', `/groupOrders/${groupOrderId}/orders`, { as: 'customer6', body, key });
    expect(retried).toEqual({ status: 201, body: joined.body });
    const group = await call('GET', `/groupOrders/${groupOrderId}`);
    expect(group.body).toMatchObject({ totalRawPrice: 2100 + 1290, remainingCapacity: 5 });
    expect(await call('POST', `/groupOrders/${groupOrderId}/orders`, { as: 'customer6', body: { ...body, comment: 'Second floor' }, key })).toEqual(reused(key));
  });

  it('POST /restaurants/{id}/externalOrders: a retry answers 201 with the same order', async () => {
    const key = `external-${randomUUID()}`;
    const body = { productFormats: { '3': 1 }, deliveryAddress: NEARBY, customer: { firstName: 'Jean', lastName: 'Michel', phoneNumber: '0605040302' } };
    const created = await call('POST', '/restaurants/9/externalOrders', { as: 'restaurant9', body, key });
    expect(created.status).toBe(201);
    expect(await call('POST', '/restaurants/9/externalOrders', { as: 'restaurant9', body, key })).toEqual({ status: 201, body: created.body });
    expect(await keyRows(key)).toEqual([{ requester: 'restaurant 9', operation: 'group-external', order_id: created.body['id'] }]);
  });

  it('POST /orders (customer app): a retry answers 200 with the same draft; another request with the key is 422', async () => {
    const key = `draft-${randomUUID()}`;
    const body = { restaurantId: '9', lines: [{ productId: 'margherita', quantity: 1 }], tableNumber: 'B2' };
    const created = await call('POST', '/orders', { body, key });
    expect(created.status).toBe(200);
    expect(created.body['status']).toBe('CREATED');
    expect(await call('POST', '/orders', { body, key })).toEqual({ status: 200, body: created.body });
    expect(await call('POST', '/orders', { body: { ...body, tableNumber: 'B3' }, key })).toEqual(reused(key));
    // Without a key every POST is a new draft.
    expect((await call('POST', '/orders', { body })).body['id']).not.toBe(created.body['id']);
  });

  it('a key longer than 200 characters is 400 invalidRequest in the family shape, before the cart; a blank key is no key', async () => {
    const long = 'k'.repeat(201);
    const refused = { status: 400, body: { errorKey: 'invalidRequest', message: 'The Idempotency-Key header must be at most 200 characters, 201 given.' } };
    expect(await call('POST', '/orders', { body: { foodRushDurationInMinutes: 30, productFormats: { '1': 1 }, deliveryAddress: ADDRESS }, key: long })).toEqual(refused);
    expect(await call('POST', '/orders', { body: { restaurantId: '9', lines: [{ productId: 'margherita', quantity: 1 }], tableNumber: 'B2' }, key: long })).toEqual(refused);
    expect(await call('POST', `/groupOrders/${groupOrderId}/orders`, { as: 'customer6', body: { productFormats: { '1': 2 }, deliveryAddress: NEARBY }, key: long })).toEqual(refused);
    expect(await call('POST', '/restaurants/9/externalOrders', { as: 'restaurant9', body: { productFormats: { '3': 1 } }, key: long })).toEqual(refused);
    expect(await keyRows(long)).toEqual([]);

    expect((await call('POST', '/orders', { body: { restaurantId: '9', lines: [{ productId: 'margherita', quantity: 1 }], tableNumber: 'B2' }, key: 'k'.repeat(200) })).status).toBe(200);
    const blank = await call('POST', '/orders', { body: { restaurantId: '9', lines: [{ productId: 'margherita', quantity: 1 }], tableNumber: 'B9' }, key: '   ' });
    expect(blank.status).toBe(200);
    expect((await sql.query(`SELECT count(*)::int AS n FROM idempotent_requests WHERE trim(key) = ''`)).rows).toEqual([{ n: 0 }]);
  });

  it('the header is documented on every order-creating route, with the 422 idempotencyKeyReused example', async () => {
    const document = (await (await fetch(`${gateway.url}/docs/json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }>; responses: Record<string, { content?: Record<string, { examples?: Record<string, unknown> }> }> }>>;
    };
    for (const path of ['/orders', '/groupOrders/{group_order_id}/orders', '/restaurants/{restaurant_id}/externalOrders']) {
      const operation = document.paths[path]?.['post'];
      expect({ path, header: operation?.parameters?.some((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key') }).toEqual({ path, header: true });
      expect({ path, examples: Object.keys(operation?.responses['422']?.content?.['application/json']?.examples ?? {}) }).toEqual({ path, examples: expect.arrayContaining(['idempotencyKeyReused']) });
    }
  });
});
