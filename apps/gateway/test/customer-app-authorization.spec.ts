/* The customer-app authorization matrix over HTTP: every role against every endpoint, own and foreign orders. */
/* eslint-disable @nx/enforce-module-boundaries */
import { startServiceForTest } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { cartService } from '../../cart/src/cart.service-definition';
import { orderStatusService } from '../../order-status/src/order-status.service-definition';
import { gatewayService } from '../src/gateway.service-definition';

type Started = Awaited<ReturnType<typeof startServiceForTest>>;
type Role = 'customer5' | 'customer6' | 'restaurant9' | 'restaurant10' | 'none' | 'storeToken';
type Stage = 'draft' | 'detailed' | 'submitted';
interface Owner { customer: '5' | '6'; restaurant: '9' | '10' }

const ROLES: readonly Role[] = ['customer5', 'customer6', 'restaurant9', 'restaurant10', 'none', 'storeToken'];
const OWNERS: readonly Owner[] = [{ customer: '5', restaurant: '9' }, { customer: '6', restaurant: '10' }];
const MENU = { '9': 'margherita', '10': 'miso-soup' } as const;
const details = { step: 'customerDetails', customerDetails: { name: 'Noa Levi', phone: '0541111111', email: 'noa@example.com' } };

/** What each endpoint needs the order to be in, and who it serves. */
const ENDPOINTS: ReadonlyArray<{ name: string; stage: Stage; serves: 'customer' | 'restaurant' | 'both'; method: string; path: (id: string) => string; body?: object }> = [
  { name: 'PUT coupon', stage: 'draft', serves: 'customer', method: 'PUT', path: (id) => `/orders/${id}`, body: { step: 'coupon', couponCode: 'NOPE' } },
  { name: 'PUT customerDetails', stage: 'draft', serves: 'customer', method: 'PUT', path: (id) => `/orders/${id}`, body: details },
  { name: 'PUT paymentConfirmation', stage: 'detailed', serves: 'customer', method: 'PUT', path: (id) => `/orders/${id}`, body: { step: 'paymentConfirmation', paymentMethod: 'CASH', cashConfirmed: true } },
  { name: 'PUT restaurantAcceptance', stage: 'submitted', serves: 'restaurant', method: 'PUT', path: (id) => `/orders/${id}`, body: { step: 'restaurantAcceptance' } },
  { name: 'PUT restaurantRejection', stage: 'submitted', serves: 'restaurant', method: 'PUT', path: (id) => `/orders/${id}`, body: { step: 'restaurantRejection', reason: 'Kitchen closed' } },
  { name: 'GET order', stage: 'submitted', serves: 'both', method: 'GET', path: (id) => `/orders/${id}` },
  { name: 'GET events', stage: 'submitted', serves: 'both', method: 'GET', path: (id) => `/orders/${id}/events` },
];

/** The documented outcome of one call: status, and for 401/403 the exact body. */
function expected(role: Role, serves: 'customer' | 'restaurant' | 'both', owner: Owner): { status: number; body?: object } {
  if (role === 'none' || role === 'storeToken') return { status: 401, body: { errorKey: 'unauthenticated', message: expect.any(String) } };
  const isCustomer = role.startsWith('customer');
  const id = role.replace(/\D/g, '');
  const own = isCustomer ? id === owner.customer : id === owner.restaurant;
  const roleFits = serves === 'both' || (serves === 'customer') === isCustomer;
  if (roleFits && own) return { status: 200 };
  // Wrong role for a step: the step's party is named; wrong owner: the order's party is named.
  const kind = serves === 'both' ? (isCustomer ? 'customer' : 'restaurant') : serves;
  const expectedId = kind === 'customer' ? owner.customer : owner.restaurant;
  const actual = kind === 'customer' ? (isCustomer ? id : `restaurant app ${id}`) : isCustomer ? `customer app ${id}` : id;
  return { status: 403, body: { errorKey: 'wrongAuthenticatedUser', message: `Should be authenticated as ${kind} ${expectedId} instead of ${actual}.` } };
}

describe('customer-app authorization matrix (gateway + cart + order-status, real broker and PostgreSQL)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let cartDb: TestDatabase;
  let statusDb: TestDatabase;
  let cart: Started;
  let orderStatus: Started;
  let gateway: Started;
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    [cartDb, statusDb] = await Promise.all([postgres.createDatabase('cart'), postgres.createDatabase('order_status')]);
    [cart, orderStatus] = await Promise.all([
      startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: cartDb.url }, { DEMO_DATA: 'true' }),
      startServiceForTest(orderStatusService, { brokers: kafka.brokers, databaseUrl: statusDb.url }, { DEMO_DATA: 'true' }),
    ]);
    gateway = await startServiceForTest(gatewayService, { brokers: kafka.brokers }, { JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long' });
    for (const user of ['customer5', 'customer6', 'restaurant9', 'restaurant10'] as const) {
      const issued = await call('POST', '/auth/token', { body: { username: user, password: `${user}-demo` }, as: 'none' });
      expect(issued.status).toBe(200);
      tokens[user] = String(issued.body['access_token']);
    }
  }, 150_000);

  afterAll(async () => {
    await gateway?.close();
    await orderStatus?.close();
    await cart?.close();
    await cartDb?.drop();
    await statusDb?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  async function call(method: string, path: string, { body, as }: { body?: unknown; as: Role }) {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (as === 'storeToken') headers['authorization'] = 'token demo-burger-god-token';
    else if (as !== 'none') headers['authorization'] = `Bearer ${tokens[as]}`;
    const aborter = new AbortController();
    const response = await fetch(`${gateway.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: aborter.signal });
    // The events stream never ends: its status and content type are the answer.
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      aborter.abort();
      return { status: response.status, body: { stream: true } as Record<string, unknown> };
    }
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  }

  async function orderAt(owner: Owner, stage: Stage): Promise<string> {
    const as = `customer${owner.customer}` as Role;
    const created = await call('POST', '/orders', { body: { restaurantId: owner.restaurant, lines: [{ productId: MENU[owner.restaurant], quantity: 3 }], tableNumber: 'B2' }, as });
    expect(created.status).toBe(200);
    const id = String(created.body['id']);
    if (stage === 'draft') return id;
    expect((await call('PUT', `/orders/${id}`, { body: details, as })).status).toBe(200);
    if (stage === 'detailed') return id;
    expect((await call('PUT', `/orders/${id}`, { body: { step: 'paymentConfirmation', paymentMethod: 'CASH', cashConfirmed: true }, as })).status).toBe(200);
    // Tracking reads order-status, which learns of the order from CartUpdated.
    await waitFor(async () => (await call('GET', `/orders/${id}`, { as })).body['checkout'], { timeoutMs: 20_000, description: 'order tracked' });
    return id;
  }

  describe.each(OWNERS)('orders of customer $customer at restaurant $restaurant', (owner) => {
    it.each(ROLES)('as %s', async (role) => {
      for (const endpoint of ENDPOINTS) {
        const id = await orderAt(owner, endpoint.stage);
        const response = await call(endpoint.method, endpoint.path(id), { body: endpoint.body, as: role });
        const want = expected(role, endpoint.serves, owner);
        const coupon = endpoint.name === 'PUT coupon' && want.status === 200;
        // An authorized coupon call reaches the coupon rules: the unknown code is refused with 400, not 401/403.
        const got = { endpoint: endpoint.name, status: response.status, ...(want.body ? { body: response.body } : {}) };
        expect(got).toEqual({ endpoint: endpoint.name, status: coupon ? 400 : want.status, ...(want.body ? { body: want.body } : {}) });
        if (coupon) expect(response.body['errorKey']).toBe('couponUnknown');
      }
      const create = await call('POST', '/orders', { body: { restaurantId: owner.restaurant, lines: [{ productId: MENU[owner.restaurant], quantity: 1 }], tableNumber: 'C3' }, as: role });
      const wantCreate = role === 'none' || role === 'storeToken' ? 401 : role.startsWith('customer') ? 200 : 403;
      expect({ endpoint: 'POST /orders', status: create.status }).toEqual({ endpoint: 'POST /orders', status: wantCreate });
      if (wantCreate === 403) {
        expect(create.body).toEqual({ errorKey: 'wrongAuthenticatedUser', message: `Should be authenticated as a customer instead of restaurant app ${role.replace(/\D/g, '')}.` });
      }
    }, 120_000);
  });
});
