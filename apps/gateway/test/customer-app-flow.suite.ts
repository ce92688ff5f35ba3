/* The customer-app / restaurant-app order API over HTTP: gateway + cart + order-status, real broker and PostgreSQL; run once per ORDER_READS mode. */
/* eslint-disable @nx/enforce-module-boundaries */
import { startServiceForTest } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { cartService } from '../../cart/src/cart.service-definition';
import { orderStatusService } from '../../order-status/src/order-status.service-definition';
import type { OrderReadMode } from '../src/gateway-config';
import { gatewayService } from '../src/gateway.service-definition';

type Started = Awaited<ReturnType<typeof startServiceForTest>>;
type Body = Record<string, unknown>;

/**
 * The customer-app flow against a gateway reading cart's and order-status's views in `mode`:
 * `kafka` (request-reply) or `http` (their internal HTTP reads, docs/adr/0003). Each mode is its
 * own spec file with its own databases, since coupons are single-use per customer.
 */
export function describeCustomerAppFlow(mode: OrderReadMode): void {
  describe(`customer-app orders over HTTP (gateway + cart + order-status, ORDER_READS=${mode})`, () => {
    let kafka: TestKafka;
    let postgres: TestPostgres;
    let cartDb: TestDatabase;
    let statusDb: TestDatabase;
    let cart: Started;
    let orderStatus: Started;
    let gateway: Started;
    const tokens: Record<string, string> = {};

    beforeAll(async () => {
      [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
      [cartDb, statusDb] = await Promise.all([postgres.createDatabase('cart'), postgres.createDatabase('order_status')]);
      [cart, orderStatus] = await Promise.all([
        startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: cartDb.url }, { DEMO_DATA: 'true' }),
        startServiceForTest(orderStatusService, { brokers: kafka.brokers, databaseUrl: statusDb.url }),
      ]);
      const reads: Record<string, string> = mode === 'http' ? { ORDER_READS: 'http', ORDER_STATUS_URL: orderStatus.url, CART_URL: cart.url } : { ORDER_READS: 'kafka' };
      gateway = await startServiceForTest(gatewayService, { brokers: kafka.brokers }, { JWT_SECRET: 'test-secret-that-is-at-least-32-characters-long', ...reads });
      for (const user of ['customer5', 'customer6', 'restaurant9', 'restaurant10']) {
        const issued = await call('POST', '/auth/token', { body: { username: user, password: `${user}-demo` }, as: null });
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

    async function call(method: string, path: string, { body, as = 'customer5', token }: { body?: unknown; as?: string | null; token?: string } = {}) {
      const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
      const bearer = token ?? (as ? tokens[as] : undefined);
      if (bearer) headers['authorization'] = `Bearer ${bearer}`;
      const response = await fetch(`${gateway.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as Body };
    }

    /** How many times cart has answered its internal customer-app order read (its /metrics), by status. */
    async function cartInternalReads(status: number): Promise<number> {
      const metrics = await (await fetch(`${cart.url}/metrics`)).text();
      const line = metrics
        .split('\n')
        .find((entry) => entry.startsWith('http_request_duration_seconds_count{') && entry.includes('route="/internal/customer-app-orders/:orderId"') && entry.includes(`status_code="${status}"`));
      return line ? Number(line.split(' ').pop()) : 0;
    }

    const pizza = { restaurantId: '9', lines: [{ productId: 'margherita', quantity: 2 }], deliveryAddress: '5 Herzl St, Tel Aviv' };
    const details = { step: 'customerDetails', customerDetails: { name: 'Noa Levi', phone: '0541111111', email: 'noa@example.com' } };

    /** Opens the order's event stream and returns its first frame, or the refusal's body; then hangs up. */
    async function firstStreamFrame(orderId: string, as: string): Promise<{ status: number; event?: string; data?: unknown; body?: Body }> {
      const response = await fetch(`${gateway.url}/orders/${orderId}/events`, { headers: { accept: 'text/event-stream', authorization: `Bearer ${tokens[as]}` } });
      if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return { status: response.status, body: (await response.json()) as Body };
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      try {
        while (!text.includes('\n\n')) {
          const { value, done } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
      } finally {
        await reader.cancel();
      }
      const lines = text.slice(0, text.indexOf('\n\n')).split('\n');
      const field = (name: string) => lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      const data = field('data');
      return { status: response.status, event: field('event'), data: data === undefined ? undefined : JSON.parse(data) };
    }

    /** Runs `act`, then the number of cart internal reads it caused with `status` (they are counted once answered). */
    async function cartReadsDuring(status: number, expected: number, act: () => Promise<void>): Promise<number> {
      const before = await cartInternalReads(status);
      await act();
      if (expected > 0) await waitFor(async () => (await cartInternalReads(status)) - before >= expected || undefined, { timeoutMs: 5_000, description: `${expected} cart internal reads` });
      return (await cartInternalReads(status)) - before;
    }

    async function newOrder(as = 'customer5', body: object = pizza): Promise<string> {
      const created = await call('POST', '/orders', { body, as });
      expect(created.status).toBe(200);
      return String(created.body['id']);
    }

    async function paidOrder(as = 'customer5'): Promise<string> {
      const id = await newOrder(as);
      expect((await call('PUT', `/orders/${id}`, { body: details, as })).status).toBe(200);
      expect((await call('PUT', `/orders/${id}`, { body: { step: 'paymentConfirmation', paymentMethod: 'CASH', cashConfirmed: true }, as })).status).toBe(200);
      return id;
    }

    it('issues tokens and refuses a wrong password with 401', async () => {
      expect(tokens['customer5']?.split('.')).toHaveLength(3);
      const refused = await call('POST', '/auth/token', { body: { username: 'customer5', password: 'nope' }, as: null });
      expect(refused).toEqual({ status: 401, body: { errorKey: 'invalidCredentials', message: 'Invalid username or password' } });
    });

    it('walks create -> coupon -> details -> cash payment -> restaurant acceptance, then tracks it', async () => {
      const created = await call('POST', '/orders', { body: pizza });
      expect(created.body).toMatchObject({ status: 'CREATED', customerId: '5', restaurantId: '9', subtotal: '24.00', discount: '0.00', total: '24.00' });
      const id = String(created.body['id']);

      const coupon = await call('PUT', `/orders/${id}`, { body: { step: 'coupon', couponCode: 'FIVEOFF' } });
      expect(coupon).toMatchObject({ status: 200, body: { couponCode: 'FIVEOFF', discount: '5.00', total: '19.00' } });
      expect((await call('PUT', `/orders/${id}`, { body: details })).body).toMatchObject({ status: 'DETAILS_CONFIRMED', customerDetails: details.customerDetails });

      const cashUnconfirmed = await call('PUT', `/orders/${id}`, { body: { step: 'paymentConfirmation', paymentMethod: 'CASH' } });
      expect(cashUnconfirmed).toEqual({ status: 400, body: { errorKey: 'cashNotConfirmed', message: expect.stringContaining('cashConfirmed') } });
      const paid = await call('PUT', `/orders/${id}`, { body: { step: 'paymentConfirmation', paymentMethod: 'CASH', cashConfirmed: true } });
      expect(paid.body).toMatchObject({ status: 'PAYMENT_CONFIRMED', paymentMethod: 'CASH' });

      const accepted = await call('PUT', `/orders/${id}`, { body: { step: 'restaurantAcceptance' }, as: 'restaurant9' });
      expect(accepted).toMatchObject({ status: 200, body: { status: 'ACCEPTED' } });
      const tracked = await call('GET', `/orders/${id}`);
      expect(tracked).toMatchObject({ status: 200, body: { id, status: 'ACCEPTED', total: '19.00' } });
      expect((tracked.body['checkout'] as { timeline: Array<{ step: string }> }).timeline.map((s) => s.step)).toContain('OrderConfirmed');
    });

    it('refuses each coupon with its reason', async () => {
      const id = await newOrder('customer6', { restaurantId: '10', lines: [{ productId: 'miso-soup', quantity: 1 }], tableNumber: 'A4' });
      const coupon = (code: string) => call('PUT', `/orders/${id}`, { body: { step: 'coupon', couponCode: code }, as: 'customer6' });
      expect(await coupon('SUMMER20')).toEqual({ status: 400, body: { errorKey: 'couponExpired', message: expect.stringContaining('expired') } });
      expect(await coupon('FIVEOFF')).toEqual({ status: 400, body: { errorKey: 'couponMinimumNotReached', message: 'Coupon FIVEOFF needs an order of at least 20.00.' } });
      expect(await coupon('NOPE')).toEqual({ status: 400, body: { errorKey: 'couponUnknown', message: 'Coupon NOPE does not exist.' } });
      expect((await coupon('WELCOME10')).body).toMatchObject({ discount: '0.40', total: '3.60' });

      const second = await newOrder('customer6', { restaurantId: '10', lines: [{ productId: 'miso-soup', quantity: 1 }], tableNumber: 'A5' });
      const again = await call('PUT', `/orders/${second}`, { body: { step: 'coupon', couponCode: 'WELCOME10' }, as: 'customer6' });
      expect(again).toEqual({ status: 400, body: { errorKey: 'couponAlreadyUsed', message: 'Coupon WELCOME10 has already been used by this customer.' } });
    });

    it('refuses steps out of order naming the current state, and bad bodies naming the field', async () => {
      const id = await newOrder();
      const early = await call('PUT', `/orders/${id}`, { body: { step: 'paymentConfirmation', paymentMethod: 'CARD' } });
      expect(early).toEqual({ status: 400, body: { errorKey: 'stepOutOfOrder', message: 'Step paymentConfirmation is not allowed while the order is CREATED.' } });
      const acceptEarly = await call('PUT', `/orders/${id}`, { body: { step: 'restaurantAcceptance' }, as: 'restaurant9' });
      expect(acceptEarly).toEqual({ status: 400, body: { errorKey: 'stepOutOfOrder', message: 'Step restaurantAcceptance is not allowed while the order is CREATED.' } });
      const unknownStep = await call('PUT', `/orders/${id}`, { body: { step: 'teleport' } });
      expect(unknownStep.status).toBe(400);
      expect(unknownStep.body['message']).toContain('step');
      const badEmail = await call('PUT', `/orders/${id}`, { body: { ...details, customerDetails: { ...details.customerDetails, email: 'x' } } });
      expect(badEmail.status).toBe(400);
      expect(badEmail.body['message']).toContain('customerDetails.email');
      const unknownProduct = await call('POST', '/orders', { body: { ...pizza, lines: [{ productId: 'salmon-roll', quantity: 1 }] } });
      expect(unknownProduct).toEqual({ status: 400, body: { errorKey: 'unknownProduct', message: "Product salmon-roll is not on restaurant 9's menu." } });
      const group = await call('POST', '/orders', { body: { ...pizza, foodRushDurationInMinutes: 30 } });
      const notAnObject = await call('POST', '/orders', { body: [pizza] });
      expect(notAnObject).toEqual({ status: 400, body: { errorKey: 'invalidRequest', message: 'The request body must be a JSON object.' } });
      // A body with foodRushDurationInMinutes is a group order, validated by its own rules.
      expect(group).toEqual({ status: 400, body: { errorKey: 'missingProductFormats', message: 'The product formats object is required to place an order' } });
    });

    it('answers 401 without or with a forged token', async () => {
      expect(await call('GET', '/orders/x', { as: null })).toEqual({ status: 401, body: { errorKey: 'unauthenticated', message: expect.any(String) } });
      const forged = `${String(tokens['customer5']).slice(0, -4)}AAAA`;
      expect((await call('GET', '/orders/x', { token: forged })).body).toMatchObject({ errorKey: 'unauthenticated' });
    });

    it('rejection by the restaurant cancels the order with the reason', async () => {
      const id = await paidOrder();
      const rejected = await call('PUT', `/orders/${id}`, { body: { step: 'restaurantRejection', reason: 'Kitchen closed' }, as: 'restaurant9' });
      expect(rejected).toMatchObject({ status: 200, body: { status: 'REJECTED', rejectionReason: 'Kitchen closed', checkout: { status: 'cancelled', cancellationReason: 'Kitchen closed' } } });
      const acceptAfter = await call('PUT', `/orders/${id}`, { body: { step: 'restaurantAcceptance' }, as: 'restaurant9' });
      expect(acceptAfter.body).toEqual({ errorKey: 'stepOutOfOrder', message: 'Step restaurantAcceptance is not allowed while the order is REJECTED.' });
    });

    describe('authorization matrix: every role against every endpoint, own and foreign orders', () => {
      const roles = ['customer5', 'customer6', 'restaurant9', 'restaurant10', null] as const;
      const forbiddenCustomer = (as: string) => `Should be authenticated as customer 5 instead of ${as === 'customer6' ? '6' : `restaurant app ${as.replace('restaurant', '')}`}.`;
      const forbiddenRestaurant = (as: string) => `Should be authenticated as restaurant 9 instead of ${as === 'restaurant10' ? '10' : `customer app ${as.replace('customer', '')}`}.`;

      it.each(roles)('%s', async (as) => {
        const draft = await newOrder('customer5');
        const submitted = await paidOrder('customer5');
        const cases: Array<{ name: string; run: () => ReturnType<typeof call>; allowed: boolean; kind: 'customer' | 'restaurant' }> = [
          { name: 'GET own-customer order', run: () => call('GET', `/orders/${draft}`, { as }), allowed: as === 'customer5' || as === 'restaurant9', kind: as?.startsWith('restaurant') ? 'restaurant' : 'customer' },
          { name: 'PUT coupon', run: () => call('PUT', `/orders/${draft}`, { body: { step: 'coupon', couponCode: 'WELCOME10' }, as }), allowed: as === 'customer5', kind: 'customer' },
          { name: 'PUT details', run: () => call('PUT', `/orders/${draft}`, { body: details, as }), allowed: as === 'customer5', kind: 'customer' },
          { name: 'PUT acceptance', run: () => call('PUT', `/orders/${submitted}`, { body: { step: 'restaurantAcceptance' }, as }), allowed: as === 'restaurant9', kind: 'restaurant' },
        ];
        for (const c of cases) {
          const response = await c.run();
          if (as === null) {
            expect([c.name, response.status, response.body['errorKey']]).toEqual([c.name, 401, 'unauthenticated']);
          } else if (c.allowed) {
            expect([c.name, response.status]).toEqual([c.name, 200]);
          } else {
            expect([c.name, response.status, response.body['errorKey']]).toEqual([c.name, 403, 'wrongAuthenticatedUser']);
            if (c.name === 'PUT acceptance') expect(response.body['message']).toBe(forbiddenRestaurant(as));
            else if (c.name !== 'GET own-customer order' && as === 'customer6') expect(response.body['message']).toBe(forbiddenCustomer(as));
          }
        }
        const create = await call('POST', '/orders', { body: pizza, as });
        expect(create.status).toBe(as === null ? 401 : as.startsWith('customer') ? 200 : 403);
      }, 60_000);
    });

    it('polls GET /orders/{uuid} from cart: the draft, 404 orderNotFound for an unknown id', async () => {
      const id = await newOrder();
      const reads = mode === 'http' ? 1 : 0;
      let polled: Awaited<ReturnType<typeof call>> | undefined;
      expect(await cartReadsDuring(200, reads, async () => void (polled = await call('GET', `/orders/${id}`)))).toBe(reads);
      expect(polled).toMatchObject({ status: 200, body: { id, status: 'CREATED', customerId: '5', restaurantId: '9', total: '24.00' } });

      const unknown = randomUUID();
      let missing: Awaited<ReturnType<typeof call>> | undefined;
      expect(await cartReadsDuring(404, reads, async () => void (missing = await call('GET', `/orders/${unknown}`)))).toBe(reads);
      expect(missing).toEqual({ status: 404, body: { errorKey: 'orderNotFound', message: `Order ${unknown} not found.` } });
    });

    it("streams a draft to its customer and restaurant from cart's view, and refuses other restaurants", async () => {
      const id = await newOrder();
      const streams: Array<Awaited<ReturnType<typeof firstStreamFrame>>> = [];
      const reads = await cartReadsDuring(200, mode === 'http' ? 3 : 0, async () => {
        for (const as of ['customer5', 'restaurant9', 'restaurant10']) streams.push(await firstStreamFrame(id, as));
      });
      // order-status does not know a draft yet: each snapshot comes from cart's view of it.
      expect(reads).toBe(mode === 'http' ? 3 : 0);
      const snapshot = { status: 200, event: 'snapshot', data: { orderId: id, status: 'pending', timeline: [] } };
      expect(streams).toEqual([snapshot, snapshot, { status: 403, body: { errorKey: 'wrongAuthenticatedUser', message: 'Should be authenticated as restaurant 9 instead of 10.' } }]);
      expect(await firstStreamFrame(randomUUID(), 'customer5')).toMatchObject({ status: 404, body: { errorKey: 'not_found' } });
    });

    it('lets the restaurant watch a submitted order once order-status has it, asking cart whose it is', async () => {
      const id = await paidOrder();
      await waitFor(async () => ((await call('GET', `/orders/${id}`)).body['checkout'] ? true : undefined), { timeoutMs: 30_000, description: 'order-status to know the order' });
      const streams: Array<Awaited<ReturnType<typeof firstStreamFrame>>> = [];
      // The snapshot comes from order-status, whose timeline does not name the restaurant: the policy asks cart.
      const reads = await cartReadsDuring(200, mode === 'http' ? 2 : 0, async () => {
        for (const as of ['restaurant9', 'restaurant10']) streams.push(await firstStreamFrame(id, as));
      });
      expect(reads).toBe(mode === 'http' ? 2 : 0);
      expect(streams[0]).toMatchObject({ status: 200, event: 'snapshot', data: { orderId: id, timeline: [{ step: 'CartUpdated' }] } });
      expect(streams[1]).toEqual({ status: 403, body: { errorKey: 'wrongAuthenticatedUser', message: 'Should be authenticated as restaurant 9 instead of 10.' } });
    }, 60_000);
  });
}
