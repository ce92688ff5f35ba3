/* The gateway streams what order-status and the Kafka events say; both run for real here. */
/* eslint-disable @nx/enforce-module-boundaries */
import type { TypedEvent } from '@order-platform/contracts';
import { eventHeaders } from '@order-platform/contracts';
import { publishEventForTest, startServiceForTest } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres, waitFor } from '@order-platform/testing';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { cartService } from '../../cart/src/cart.service-definition';
import { checkoutEvents } from '../../order-status/test/order-events.fixtures';
import { orderStatusService } from '../../order-status/src/order-status.service-definition';
import { AppTokenService } from '../src/auth/app-token.service';
import { OrderEventHub } from '../src/customer-app/tracking/order-event-hub';
import { gatewayService } from '../src/gateway.service-definition';

type Started = Awaited<ReturnType<typeof startServiceForTest>>;

interface SseFrame {
  id?: string;
  event?: string;
  data: string;
  retry?: number;
  comment?: string;
  receivedAt: number;
}

/** A minimal EventSource over node:http that keeps every frame with its arrival time. */
async function openEventStream(url: string, token?: string) {
  const frames: SseFrame[] = [];
  const waiters: Array<() => void> = [];
  let endedCleanly = false;
  let endedAt: number | undefined;
  let resolveEnded: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
  const notify = () => waiters.splice(0).forEach((wake) => wake());

  const req = httpRequest(url, { headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    req.on('response', resolve).on('error', reject).end();
  });
  let buffer = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    buffer += chunk;
    let boundary: number;
    while ((boundary = buffer.indexOf('\n\n')) >= 0) {
      frames.push(parseFrame(buffer.slice(0, boundary)));
      buffer = buffer.slice(boundary + 2);
    }
    notify();
  });
  response.on('end', () => {
    endedCleanly = true;
    endedAt = Date.now();
    resolveEnded();
    notify();
  });
  response.on('close', () => {
    resolveEnded();
    notify();
  });
  req.on('error', () => undefined);

  return {
    status: response.statusCode,
    headers: response.headers as IncomingHttpHeaders,
    frames,
    ended,
    get endedCleanly() {
      return endedCleanly;
    },
    get endedAt() {
      return endedAt;
    },
    /** The first frame (already received or arriving within `timeoutMs`) that matches. */
    async next(match: (frame: SseFrame) => boolean, timeoutMs = 10_000): Promise<SseFrame> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = frames.find(match);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => req.destroy(),
  };
}

function parseFrame(text: string): SseFrame {
  const frame: SseFrame = { data: '', receivedAt: Date.now() };
  for (const line of text.split('\n')) {
    if (line.startsWith(': ')) frame.comment = line.slice(2);
    else if (line.startsWith('id: ')) frame.id = line.slice(4);
    else if (line.startsWith('event: ')) frame.event = line.slice(7);
    else if (line.startsWith('data: ')) frame.data += line.slice(6);
    else if (line.startsWith('retry: ')) frame.retry = Number(line.slice(7));
  }
  return frame;
}

describe('order tracking over Server-Sent Events (real broker, PostgreSQL, cart, order-status)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let cartDb: TestDatabase;
  let statusDb: TestDatabase;
  let cart: Started;
  let orderStatus: Started;
  let gateway: Started;
  let producer: Producer;
  const latenciesMs: number[] = [];
  const tokens: Record<string, string> = {};
  const JWT_SECRET = 'tracking-test-secret-at-least-32-characters';

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    [cartDb, statusDb] = await Promise.all([postgres.createDatabase('cart'), postgres.createDatabase('order_status')]);
    [cart, orderStatus] = await Promise.all([
      startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: cartDb.url }, { DEMO_DATA: 'true' }),
      startServiceForTest(orderStatusService, { brokers: kafka.brokers, databaseUrl: statusDb.url }),
    ]);
    gateway = await startServiceForTest(gatewayService, { brokers: kafka.brokers }, { TRACKING_HEARTBEAT_MS: '200', JWT_SECRET });
    // The checkout fixtures belong to customer 8080, who has no demo login: sign its token directly.
    tokens['customer8080'] = (await gateway.app.get(AppTokenService).issue({ username: 'customer8080', role: 'CUSTOMER_APP', customerId: '8080' })).access_token;
    for (const user of ['customer5', 'customer6', 'restaurant9', 'restaurant10']) {
      const issued = await fetch(`${gateway.url}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user, password: `${user}-demo` }),
      });
      tokens[user] = String(((await issued.json()) as { access_token: string }).access_token);
    }
    producer = new Kafka({ clientId: 'tracking-test', brokers: kafka.brokers, logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  }, 150_000);

  afterAll(async () => {
    if (latenciesMs.length > 0) {
      const sorted = [...latenciesMs].sort((a, b) => a - b);
      process.stdout.write(`order tracking delivery latency ms: n=${sorted.length} min=${sorted[0]} median=${sorted[Math.floor(sorted.length / 2)]} max=${sorted.at(-1)}\n`);
    }
    await producer?.disconnect();
    await gateway?.close();
    await Promise.all([cart?.close(), orderStatus?.close()]);
    await Promise.all([cartDb?.drop(), statusDb?.drop()]);
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  async function publish(event: TypedEvent): Promise<void> {
    await producer.send({ topic: event.type, messages: [{ key: event.orderId, value: JSON.stringify(event), headers: eventHeaders(event) }] });
  }

  /** An order order-status knows (its CartUpdated processed), so a stream can be opened on it. */
  async function knownOrder(): Promise<ReturnType<typeof checkoutEvents>> {
    const events = checkoutEvents(randomUUID());
    await publishEventForTest(kafka.brokers, events.cartUpdated);
    await waitFor(
      async () => (await fetch(`${gateway.url}/api/order/${events.cartUpdated.orderId}.json`)).status === 200 || undefined,
      { timeoutMs: 30_000, description: 'order-status to know the order' },
    );
    return events;
  }

  it('sends a snapshot, then every status change of the order in order, each within 1 s', async () => {
    const events = await knownOrder();
    const orderId = events.cartUpdated.orderId;
    const stream = await openEventStream(`${gateway.url}/orders/${orderId}/events`, tokens['customer8080']);
    try {
      expect(stream.status).toBe(200);
      expect(stream.headers['content-type']).toContain('text/event-stream');
      const snapshot = await stream.next((frame) => frame.event === 'snapshot');
      expect(snapshot.retry).toBe(3000);
      expect(snapshot.id).toBe(events.cartUpdated.id);
      expect(JSON.parse(snapshot.data)).toMatchObject({ orderId, status: 'pending', timeline: [{ step: 'CartUpdated', eventId: events.cartUpdated.id }] });

      const other = checkoutEvents(randomUUID());
      const expected: Array<[TypedEvent, string]> = [
        [events.invoiceCreated, 'invoiced'],
        [events.paymentProcessed, 'paid'],
        [events.orderShipped, 'shipped'],
      ];
      for (const [event, status] of expected) {
        await publish(other.invoiceCreated);
        const sentAt = Date.now();
        await publish(event);
        const frame = await stream.next((candidate) => candidate.id === event.id, 5_000);
        latenciesMs.push(frame.receivedAt - sentAt);
        expect(frame.receivedAt - sentAt).toBeLessThan(1_000);
        expect(frame.event).toBe(event.type);
        expect(JSON.parse(frame.data)).toEqual({ orderId, type: event.type, occurredAt: event.occurredAt, status });
      }

      const delivered = stream.frames.filter((frame) => frame.event !== undefined);
      expect(delivered.map((frame) => frame.event)).toEqual(['snapshot', 'InvoiceCreated', 'PaymentProcessed', 'OrderShipped']);
      expect(stream.frames.some((frame) => frame.data.includes(other.invoiceCreated.orderId))).toBe(false);
    } finally {
      stream.close();
    }
  }, 60_000);

  it('marks a declined payment as cancelled and streams the cancellation', async () => {
    const events = await knownOrder();
    const orderId = events.cartUpdated.orderId;
    const stream = await openEventStream(`${gateway.url}/orders/${orderId}/events`, tokens['customer8080']);
    try {
      await stream.next((frame) => frame.event === 'snapshot');
      const failed = { ...events.paymentFailed, payload: { ...events.paymentFailed.payload, retryable: false } };
      const sentAt = Date.now();
      await publish(failed);
      const frame = await stream.next((candidate) => candidate.id === failed.id, 5_000);
      latenciesMs.push(frame.receivedAt - sentAt);
      expect(frame.event).toBe('PaymentFailed');
      expect(JSON.parse(frame.data)).toMatchObject({ orderId, status: 'cancelled' });
    } finally {
      stream.close();
    }
  }, 60_000);

  it('streams a customer-app order from its creation: the payment step\'s CartUpdated arrives within 1 s', async () => {
    const call = async (method: string, path: string, token: string, body: object) => {
      const response = await fetch(`${gateway.url}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      expect(response.status).toBe(200);
      return (await response.json()) as { id: string };
    };
    const created = await call('POST', '/orders', tokens['customer5'], { restaurantId: '9', lines: [{ productId: 'margherita', quantity: 2 }], tableNumber: 'A1' });
    const foreign = await fetch(`${gateway.url}/orders/${created.id}/events`, { headers: { accept: 'text/event-stream', authorization: `Bearer ${tokens['customer6']}` } });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ errorKey: 'wrongAuthenticatedUser', message: 'Should be authenticated as customer 5 instead of 6.' });

    const stream = await openEventStream(`${gateway.url}/orders/${created.id}/events`, tokens['customer5']);
    const restaurant = await openEventStream(`${gateway.url}/orders/${created.id}/events`, tokens['restaurant9']);
    try {
      expect(stream.status).toBe(200);
      expect(restaurant.status).toBe(200);
      const snapshot = await stream.next((frame) => frame.event === 'snapshot');
      expect(JSON.parse(snapshot.data)).toEqual({ orderId: created.id, status: 'pending', timeline: [] });

      await call('PUT', `/orders/${created.id}`, tokens['customer5'], { step: 'customerDetails', customerDetails: { name: 'Noa Levi', phone: '0541111111', email: 'noa@example.com' } });
      const sentAt = Date.now();
      await call('PUT', `/orders/${created.id}`, tokens['customer5'], { step: 'paymentConfirmation', paymentMethod: 'CASH', cashConfirmed: true });
      const frame = await stream.next((candidate) => candidate.event === 'CartUpdated', 5_000);
      latenciesMs.push(frame.receivedAt - sentAt);
      expect(frame.receivedAt - sentAt).toBeLessThan(1_000);
      expect(JSON.parse(frame.data)).toMatchObject({ orderId: created.id, type: 'CartUpdated', status: 'pending' });
      await restaurant.next((candidate) => candidate.event === 'CartUpdated', 5_000);
    } finally {
      stream.close();
      restaurant.close();
    }
  }, 60_000);

  it('answers 404 in the customer-app error shape for an unknown order', async () => {
    const orderId = randomUUID();
    const response = await fetch(`${gateway.url}/orders/${orderId}/events`, { headers: { accept: 'text/event-stream', authorization: `Bearer ${tokens['customer8080']}` } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errorKey: 'not_found', message: `Order ${orderId} not found` });
    expect(gateway.app.get(OrderEventHub).subscriberCount(orderId)).toBe(0);
  });

  it('sends keep-alive comments at the configured interval', async () => {
    const events = await knownOrder();
    const stream = await openEventStream(`${gateway.url}/orders/${events.cartUpdated.orderId}/events`, tokens['customer8080']);
    try {
      await stream.next((frame) => frame.comment === 'keep-alive', 2_000);
      await stream.next((frame) => frame.comment === 'keep-alive' && stream.frames.filter((f) => f.comment === 'keep-alive').length >= 3, 2_000);
    } finally {
      stream.close();
    }
  }, 60_000);

  it('releases the subscription when the client disconnects', async () => {
    const events = await knownOrder();
    const orderId = events.cartUpdated.orderId;
    const hub = gateway.app.get(OrderEventHub);
    const stream = await openEventStream(`${gateway.url}/orders/${orderId}/events`, tokens['customer8080']);
    await stream.next((frame) => frame.event === 'snapshot');
    expect(hub.subscriberCount(orderId)).toBe(1);
    stream.close();
    await waitFor(() => hub.subscriberCount(orderId) === 0 || undefined, { timeoutMs: 5_000, description: 'subscription released' });
  }, 60_000);

  it('ends open streams cleanly when the gateway shuts down', async () => {
    const events = await knownOrder();
    const second = await startServiceForTest(gatewayService, { brokers: kafka.brokers }, { JWT_SECRET });
    const stream = await openEventStream(`${second.url}/orders/${events.cartUpdated.orderId}/events`, tokens['customer8080']);
    await stream.next((frame) => frame.event === 'snapshot');
    const started = Date.now();
    const closing = second.close();
    await stream.ended;
    expect(stream.endedCleanly).toBe(true);
    // The stream ends first, without waiting for the rest of the shutdown.
    expect((stream.endedAt ?? Infinity) - started).toBeLessThan(1_000);
    await closing;
    expect(stream.frames.some((frame) => frame.comment === 'server shutting down')).toBe(true);
  }, 60_000);
  describe('who may subscribe', () => {
    async function call(method: string, path: string, as: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
      const response = await fetch(`${gateway.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${tokens[as]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }

    it('refuses callers without a token (401) and other customers (403), in the customer-app shape', async () => {
      const events = await knownOrder();
      const url = `${gateway.url}/orders/${events.cartUpdated.orderId}/events`;
      const anonymous = await fetch(url);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toEqual({ errorKey: 'unauthenticated', message: expect.any(String) });
      const stranger = await fetch(url, { headers: { authorization: `Bearer ${tokens['customer6']}` } });
      expect(stranger.status).toBe(403);
      expect(await stranger.json()).toEqual({ errorKey: 'wrongAuthenticatedUser', message: 'Should be authenticated as customer 8080 instead of 6.' });
      expect(gateway.app.get(OrderEventHub).subscriberCount(events.cartUpdated.orderId)).toBe(0);
    }, 60_000);

    it("streams a customer-app order to its customer and, with ?access_token=, to its restaurant; not to another restaurant", async () => {
      const created = await call('POST', '/orders', 'customer5', { restaurantId: '9', lines: [{ productId: 'margherita', quantity: 1 }], deliveryAddress: '5 Herzl St, Tel Aviv' });
      expect(created.status).toBe(200);
      const orderId = String(created.body['id']);
      const details = { step: 'customerDetails', customerDetails: { name: 'Noa Levi', phone: '0541111111', email: 'noa@example.com' } };
      expect((await call('PUT', `/orders/${orderId}`, 'customer5', details)).status).toBe(200);
      expect((await call('PUT', `/orders/${orderId}`, 'customer5', { step: 'paymentConfirmation', paymentMethod: 'CASH', cashConfirmed: true })).status).toBe(200);
      await waitFor(async () => (await fetch(`${gateway.url}/api/order/${orderId}.json`)).status === 200 || undefined, {
        timeoutMs: 30_000,
        description: 'order-status to know the customer-app order',
      });

      const otherRestaurant = await fetch(`${gateway.url}/orders/${orderId}/events?access_token=${tokens['restaurant10']}`);
      expect(otherRestaurant.status).toBe(403);
      expect(await otherRestaurant.json()).toEqual({ errorKey: 'wrongAuthenticatedUser', message: 'Should be authenticated as restaurant 9 instead of 10.' });

      const customer = await openEventStream(`${gateway.url}/orders/${orderId}/events`, tokens['customer5']);
      const restaurant = await openEventStream(`${gateway.url}/orders/${orderId}/events?access_token=${tokens['restaurant9']}`);
      try {
        expect([customer.status, restaurant.status]).toEqual([200, 200]);
        await Promise.all([customer.next((f) => f.event === 'snapshot'), restaurant.next((f) => f.event === 'snapshot')]);
        const sentAt = Date.now();
        expect((await call('PUT', `/orders/${orderId}`, 'restaurant9', { step: 'restaurantAcceptance' })).status).toBe(200);
        for (const stream of [customer, restaurant]) {
          const frame = await stream.next((f) => f.event === 'OrderConfirmed', 5_000);
          latenciesMs.push(frame.receivedAt - sentAt);
          expect(frame.receivedAt - sentAt).toBeLessThan(1_000);
          expect(JSON.parse(frame.data)).toMatchObject({ orderId, type: 'OrderConfirmed' });
        }
      } finally {
        customer.close();
        restaurant.close();
      }
    }, 60_000);
  });
});
