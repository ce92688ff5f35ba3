/* The FoodRush (group orders) API over HTTP: gateway + cart on a real broker and PostgreSQL, demo data. */
/* eslint-disable @nx/enforce-module-boundaries */
import { startServiceForTest } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres } from '@order-platform/testing';
import { cartService } from '../../cart/src/cart.service-definition';
import { gatewayService } from '../src/gateway.service-definition';

type Started = Awaited<ReturnType<typeof startServiceForTest>>;
type Body = Record<string, unknown>;

const USERS = ['customer5', 'customer6', 'restaurant6', 'restaurant9'] as const;
type User = (typeof USERS)[number];
// ~1 km from the demo restaurant 6 "FoodRush Palaiseau"; the second one a few hundred metres further.
const ADDRESS = { street: 'Allée des techniques avancées', details: 'Bâtiment A, chambre 200', latitude: 48.711042, longitude: 2.219278 };
const NEARBY = { street: 'Rue de la Vauve', latitude: 48.7135, longitude: 2.2205 };

describe('FoodRush group orders over HTTP (gateway + cart)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let cartDb: TestDatabase;
  let cart: Started;
  let gateway: Started;
  const tokens: Partial<Record<User, string>> = {};
  let groupOrderId: string;
  let orderId: string;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    cartDb = await postgres.createDatabase('cart');
    cart = await startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: cartDb.url }, { DEMO_DATA: 'true', GROUP_ORDER_CLOCK: 'controllable' });
    gateway = await startServiceForTest(gatewayService, { brokers: kafka.brokers }, { JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long' });
    for (const user of USERS) {
      const issued = await call('POST', '/auth/token', { body: { username: user, password: `${user}-demo` }, as: null });
      expect(issued.status).toBe(200);
      tokens[user] = String(issued.body['access_token']);
    }
  }, 150_000);

  afterAll(async () => {
    await gateway?.close();
    await cart?.close();
    await cartDb?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  async function call(method: string, path: string, { body, raw, as = 'customer5' }: { body?: unknown; raw?: string; as?: User | null } = {}) {
    const headers: Record<string, string> = body === undefined && raw === undefined ? {} : { 'content-type': 'application/json' };
    if (as) headers['authorization'] = `Bearer ${tokens[as]}`;
    const response = await fetch(`${gateway.url}${path}`, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Body & Body[] };
  }

  describe('creating and reading through the shared /orders routes', () => {
    it('POST /orders with foodRushDurationInMinutes is a group order: 201 with the FoodRush order', async () => {
      const created = await call('POST', '/orders', { body: { foodRushDurationInMinutes: 30, productFormats: { '1': 2, '2': 1 }, deliveryAddress: ADDRESS, comment: 'Ring twice' } });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.stringMatching(/^\d+$/), rawPrice: 2100, discountedPrice: expect.any(Number), createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/), comment: 'Ring twice' });
      orderId = String(created.body['id']);
    });

    it('GET /orders/{digits}?include=... answers the FoodRush order with the included objects', async () => {
      const read = await call('GET', `/orders/${orderId}?include=customer,groupOrder,deliveryAddress,productFormats`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        id: orderId,
        rawPrice: 2100,
        customer: { id: '5', firstName: 'Noa', lastName: 'Levi', phoneNumber: expect.any(String) },
        deliveryAddress: ADDRESS,
        productFormats: [
          { id: '1', name: 'Pizza Margherita (large)', price: 810, quantity: 2 },
          { id: '2', name: 'Tiramisu', price: 480, quantity: 1 },
        ],
        groupOrder: { id: expect.stringMatching(/^\d+$/), joinable: true, totalRawPrice: 2100, remainingCapacity: 7, confirmed: false },
      });
      groupOrderId = String((read.body['groupOrder'] as Body)['id']);
      const plain = await call('GET', `/orders/${orderId}`);
      expect(Object.keys(plain.body).sort()).toEqual(['comment', 'createdAt', 'discountedPrice', 'id', 'rawPrice']);
    });

    it("the order's restaurant may read it; another customer gets 403 naming the owner", async () => {
      expect((await call('GET', `/orders/${orderId}`, { as: 'restaurant6' })).status).toBe(200);
      expect(await call('GET', `/orders/${orderId}`, { as: 'customer6' })).toEqual({
        status: 403,
        body: { errorKey: 'wrongAuthenticatedUser', message: 'Should be authenticated as customer 5 instead of 6.' },
      });
      expect(await call('GET', `/orders/${orderId}/deliveryAddress`, { as: 'customer6' })).toEqual({
        status: 403,
        body: { errorKey: 'wrongAuthenticatedUser', message: 'Should be authenticated as customer 5 instead of 6.' },
      });
    });

    it('GET /orders/{id}/deliveryAddress answers the address object alone', async () => {
      expect(await call('GET', `/orders/${orderId}/deliveryAddress`)).toEqual({ status: 200, body: ADDRESS });
    });

    it('unknown and non-digit FoodRush ids are 404 orderNotFound', async () => {
      expect(await call('GET', '/orders/987654321')).toEqual({ status: 404, body: { errorKey: 'orderNotFound', message: 'The order #987654321 does not exist.' } });
      expect(await call('GET', '/orders/abc/deliveryAddress')).toEqual({ status: 404, body: { errorKey: 'orderNotFound', message: 'The order #abc does not exist.' } });
    });

    it('a second group order for the same restaurant is refused with 422 groupOrderAlreadyExisting', async () => {
      expect(await call('POST', '/orders', { as: 'customer6', body: { foodRushDurationInMinutes: 30, productFormats: { '1': 2 }, deliveryAddress: NEARBY } })).toEqual({
        status: 422,
        body: { errorKey: 'groupOrderAlreadyExisting', message: 'A group order already exists for the restaurant #6.' },
      });
    });

    it('a body without foodRushDurationInMinutes stays the customer-app order (200)', async () => {
      const created = await call('POST', '/orders', { body: { restaurantId: '9', lines: [{ productId: 'margherita', quantity: 1 }], tableNumber: 'B2' } });
      expect(created.status).toBe(200);
      expect(created.body['status']).toBe('CREATED');
      // A UUID id still reads the customer-app order.
      expect((await call('GET', `/orders/${String(created.body['id'])}`)).body['status']).toBe('CREATED');
    });
  });

  describe('group orders', () => {
    it('POST /groupOrders/{id}/orders joins: 201, and the first member’s discounted price drops or stays', async () => {
      const before = await call('GET', `/orders/${orderId}`);
      const joined = await call('POST', `/groupOrders/${groupOrderId}/orders`, { as: 'customer6', body: { productFormats: { '1': 3 }, deliveryAddress: NEARBY } });
      expect(joined.status).toBe(201);
      expect(joined.body).toMatchObject({ id: expect.stringMatching(/^\d+$/), rawPrice: 2430 });
      const after = await call('GET', `/orders/${orderId}`);
      expect(after.body['rawPrice']).toBe(2100);
      expect(after.body['discountedPrice'] as number).toBeLessThanOrEqual(before.body['discountedPrice'] as number);
    });

    it('GET /groupOrders/{id}?include=restaurant', async () => {
      const group = await call('GET', `/groupOrders/${groupOrderId}?include=restaurant`);
      expect(group.status).toBe(200);
      expect(group.body).toMatchObject({ id: groupOrderId, joinable: true, totalRawPrice: 4530, remainingCapacity: 4, confirmed: false, restaurant: { id: '6', name: 'FoodRush Palaiseau' } });
    });

    it('GET /groupOrders?joinable=1&around=1 finds it near the point, not far away', async () => {
      const near = await call('GET', '/groupOrders?joinable=1&around=1&latitude=48.711&longitude=2.21928&include=restaurant');
      expect(near.status).toBe(200);
      expect(near.body.map((group) => group['id'])).toContain(groupOrderId);
      const far = await call('GET', '/groupOrders?joinable=1&around=1&latitude=43.2965&longitude=5.3698');
      expect(far.body.map((group) => group['id'])).not.toContain(groupOrderId);
    });

    it('GET /groupOrders: around=1 without coordinates, non-numeric coordinates', async () => {
      expect(await call('GET', '/groupOrders?joinable=1&around=1')).toEqual({
        status: 400,
        body: { errorKey: 'missingCoordinates', message: 'latitude and longitude are required with around=1' },
      });
      expect(await call('GET', '/groupOrders?around=1&latitude=abc&longitude=2.2')).toEqual({
        status: 400,
        body: { errorKey: 'invalidRequest', message: 'latitude must be a number between -90 and 90.' },
      });
    });

    it('unknown and non-digit group ids are 404 groupOrderNotFound', async () => {
      for (const id of ['999999', 'abc']) {
        const body = { errorKey: 'groupOrderNotFound', message: `The groupOrder #${id} does not exist.` };
        expect(await call('GET', `/groupOrders/${id}`)).toEqual({ status: 404, body });
        expect(await call('POST', `/groupOrders/${id}/orders`, { as: 'customer6', body: { productFormats: { '1': 1 }, deliveryAddress: NEARBY } })).toEqual({ status: 404, body });
        expect(await call('POST', `/groupOrders/${id}/confirmation`, { as: 'restaurant6' })).toEqual({ status: 404, body });
      }
    });

    it('bodies that are not JSON objects are 400 in the family shape', async () => {
      for (const raw of ['[1, 2]', '"text"', '42', 'null']) {
        expect(await call('POST', `/groupOrders/${groupOrderId}/orders`, { as: 'customer6', raw })).toEqual({
          status: 400,
          body: { errorKey: 'invalidRequest', message: 'The request body must be a JSON object.' },
        });
      }
    });

    it('unparsable JSON is 400 in the family shape on every FoodRush route (Fastify refuses it before any controller)', async () => {
      const routes: Array<[string, User]> = [
        ['/orders', 'customer5'],
        [`/groupOrders/${groupOrderId}/orders`, 'customer6'],
        [`/groupOrders/${groupOrderId}/confirmation`, 'restaurant6'],
        ['/restaurants/6/externalOrders', 'restaurant6'],
      ];
      for (const [path, as] of routes) {
        const unparsable = await call('POST', path, { as, raw: '{"foodRushDurationInMinutes": 30,' });
        expect({ path, status: unparsable.status, body: unparsable.body }).toEqual({ path, status: 400, body: { errorKey: 'validation_failed', message: expect.stringContaining('JSON') } });
      }
    });

    it('the restaurant confirms only once the group is closed: 422 while it is open', async () => {
      expect(await call('POST', `/groupOrders/${groupOrderId}/confirmation`, { as: 'restaurant6' })).toEqual({
        status: 422,
        body: { errorKey: 'groupOrderCannotBeConfirmed', message: `The groupOrder #${groupOrderId} cannot be confirmed: it is open.` },
      });
      expect((await call('POST', `/groupOrders/${groupOrderId}/confirmation`, { as: 'restaurant9' })).status).toBe(403);
    });
  });

  describe("a customer's orders", () => {
    it('GET /customers/{id}/orders and /customers/{id}/groupOrders/{id}/orders with include', async () => {
      const all = await call('GET', '/customers/5/orders?include=groupOrder,restaurant,deliveryAddress');
      expect(all.status).toBe(200);
      expect(all.body).toEqual([expect.objectContaining({ id: orderId, groupOrder: expect.objectContaining({ id: groupOrderId }), restaurant: expect.objectContaining({ id: '6' }), deliveryAddress: ADDRESS })]);
      const inGroup = await call('GET', `/customers/6/groupOrders/${groupOrderId}/orders?include=restaurant`, { as: 'customer6' });
      expect(inGroup.status).toBe(200);
      expect(inGroup.body).toEqual([expect.objectContaining({ rawPrice: 2430, restaurant: expect.objectContaining({ id: '6' }) })]);
    });

    it('only that customer: 403 naming the customer', async () => {
      expect(await call('GET', '/customers/5/orders', { as: 'customer6' })).toEqual({
        status: 403,
        body: { errorKey: 'wrongAuthenticatedUser', message: 'Should be authenticated as customer 5 instead of 6.' },
      });
    });
  });

  describe('external orders', () => {
    it('POST /restaurants/{id}/externalOrders by another restaurant is 403', async () => {
      const external = { productFormats: { '3': 1 }, deliveryAddress: NEARBY, customer: { firstName: 'Jean', lastName: 'Michel', phoneNumber: '0605040302' } };
      expect(await call('POST', '/restaurants/9/externalOrders', { as: 'restaurant6', body: external })).toEqual({
        status: 403,
        body: { errorKey: 'wrongAuthenticatedUser', message: 'Should be authenticated as restaurant 9 instead of 6.' },
      });
      const created = await call('POST', '/restaurants/9/externalOrders', { as: 'restaurant9', body: external });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ rawPrice: 1500 });
    });
  });

  it('every FoodRush route is in the OpenAPI document with its responses', async () => {
    const response = await fetch(`${gateway.url}/docs/json`);
    const document = (await response.json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const routes: Array<[string, string, string[]]> = [
      ['/orders', 'post', ['200', '201', '400', '401', '403', '404', '422']],
      ['/orders/{order_id}', 'get', ['200']],
      ['/orders/{order_id}/deliveryAddress', 'get', ['200', '401', '403', '404']],
      ['/groupOrders', 'get', ['200', '400', '401']],
      ['/groupOrders/{group_order_id}', 'get', ['200', '401', '404']],
      ['/groupOrders/{group_order_id}/orders', 'post', ['201', '400', '401', '403', '404', '422']],
      ['/groupOrders/{group_order_id}/confirmation', 'post', ['200', '401', '403', '404', '422']],
      ['/customers/{customer_id}/orders', 'get', ['200', '401', '403']],
      ['/customers/{customer_id}/groupOrders/{group_order_id}/orders', 'get', ['200', '401', '403', '404']],
      ['/restaurants/{restaurant_id}/externalOrders', 'post', ['201', '400', '401', '403', '404', '422']],
    ];
    for (const [path, method, statuses] of routes) {
      const operation = document.paths[path]?.[method];
      expect({ path, method, statuses: Object.keys(operation?.responses ?? {}).filter((status) => statuses.includes(status)) }).toEqual({ path, method, statuses });
    }
  });
});
