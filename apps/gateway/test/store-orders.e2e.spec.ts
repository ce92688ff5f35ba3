/* The store API tested over HTTP with the service that owns the lifecycle (order-status), each its own Nest app. */
/* eslint-disable @nx/enforce-module-boundaries */
import { startServiceForTest } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres } from '@order-platform/testing';
import type { Client } from 'pg';
import { orderStatusService } from '../../order-status/src/order-status.service-definition';
import { connectToSchema, newStore, newStoreOrder } from '../../order-status/test/store-orders.fixtures';
import { gatewayService } from '../src/gateway.service-definition';

type Started = Awaited<ReturnType<typeof startServiceForTest>>;
const DEMO_TOKEN = 'demo-burger-god-token';

describe('store order-status API over HTTP (gateway + order-status, real broker and PostgreSQL)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let statusDb: TestDatabase;
  let orderStatus: Started;
  let gateway: Started;
  let sql: Client;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    statusDb = await postgres.createDatabase('order_status');
    orderStatus = await startServiceForTest(orderStatusService, { brokers: kafka.brokers, databaseUrl: statusDb.url }, { DEMO_DATA: 'true' });
    // HTTPS required, as in production: requests say how they arrived with X-Forwarded-Proto.
    gateway = await startServiceForTest(gatewayService, { brokers: kafka.brokers }, { STORE_API_REQUIRE_HTTPS: 'on' });
    sql = await connectToSchema(statusDb.url, orderStatus.schema);
  }, 150_000);

  afterAll(async () => {
    await sql?.end();
    await gateway?.close();
    await orderStatus?.close();
    await statusDb?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  interface Call {
    method?: string;
    body?: unknown;
    token?: string | null;
    authorization?: string;
    proto?: string | null;
  }

  async function call(action: string, { method = 'POST', body, token = DEMO_TOKEN, authorization, proto = 'https' }: Call = {}) {
    const payload = body === undefined ? (method === 'POST' ? '{}' : undefined) : typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string> = payload === undefined ? {} : { 'content-type': 'application/json' };
    if (authorization !== undefined) headers['authorization'] = authorization;
    else if (token !== null) headers['authorization'] = `token ${token}`;
    if (proto !== null) headers['x-forwarded-proto'] = proto;
    const response = await fetch(`${gateway.url}/api/store/orders/${action}`, {
      method,
      headers,
      body: payload,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  }

  const refused = (message: string, code: string, field: string) => ({ error_message: message, error_code: code, errors: { [field]: message } });

  it('confirms FR9TL74P and answers the exact store body', async () => {
    const response = await call('confirm', { body: { number: 'FR9TL74P' } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id: 1,
      number: 'FR9TL74P',
      total: 36364.0,
      tax: 3636.0,
      serviceCharge: 0.0,
      grandTotal: 40000.0,
      tableNumber: 'A1',
      channel: 2,
      notes: 'No lettuce',
      status: 10,
      deliveryStatus: 10,
      statusText: 'Confirmed',
      storeName: 'Burger God',
      userID: 1,
      created: 1564045835,
      paymentMethod: 1,
      paymentStatus: 1,
      user: { id: 1, name: 'user', phone: '+628111111111' },
      delivery_info: null,
    });
    expect(Object.keys(response.body ?? {})).toEqual([
      'id', 'number', 'total', 'tax', 'serviceCharge', 'grandTotal', 'tableNumber', 'channel', 'notes', 'status', 'deliveryStatus',
      'statusText', 'storeName', 'userID', 'created', 'paymentMethod', 'paymentStatus', 'user', 'delivery_info',
    ]);

    const again = await call('confirm', { body: { number: 'FR9TL74P' } });
    expect(again.status).toBe(400);
    expect(again.body).toEqual(refused('Order has been confirmed', 'invalid_status', 'number'));
  });

  it('marks paid, then refuses already_paid', async () => {
    const store = await newStore(sql);
    const order = await newStoreOrder(sql, store.storeId);
    const paid = await call('paid', { body: { order: order.number }, token: store.token });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ number: order.number, status: 1, statusText: 'New', paymentStatus: 2, total: 10000, grandTotal: 11000 });
    const again = await call('paid', { body: { order: order.number }, token: store.token });
    expect(again.status).toBe(400);
    expect(again.body).toEqual(refused('Order already paid', 'already_paid', 'order'));
  });

  it('completes (paid and status 20), then refuses order_already_completed', async () => {
    const store = await newStore(sql);
    const order = await newStoreOrder(sql, store.storeId);
    const complete = await call('complete', { body: { order: order.number }, token: store.token });
    expect(complete.status).toBe(200);
    expect(complete.body).toMatchObject({ status: 20, statusText: 'Complete', paymentStatus: 2 });
    const again = await call('complete', { body: { order: order.number }, token: store.token });
    expect(again.body).toEqual(refused('Order already completed', 'order_already_completed', 'order'));
    expect(again.status).toBe(400);
  });

  it('cancels irreversibly; confirm, paid, complete and cancel then refuse order_already_canceled', async () => {
    const store = await newStore(sql);
    const order = await newStoreOrder(sql, store.storeId);
    const cancel = await call('cancel', { body: { order: order.number }, token: store.token });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ status: 30, statusText: 'Cancelled' });

    expect((await call('confirm', { body: { number: order.number }, token: store.token })).body).toEqual(
      refused('Order already canceled', 'order_already_canceled', 'number'),
    );
    for (const action of ['paid', 'complete', 'cancel']) {
      const response = await call(action, { body: { order: order.number }, token: store.token });
      expect({ action, status: response.status, body: response.body }).toEqual({
        action,
        status: 400,
        body: refused('Order already canceled', 'order_already_canceled', 'order'),
      });
    }
  });

  it('answers "Order not found" for an unknown number and for another store\'s order', async () => {
    const unknown = await call('confirm', { body: { number: 'NOSUCH00' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual(refused('Order not found', 'invalid_order_number', 'number'));

    const theirs = await call('cancel', { body: { order: 'TT4M8K2Q' } });
    expect(theirs.status).toBe(400);
    expect(theirs.body).toEqual(refused('Order not found', 'invalid_order_number', 'order'));
  });

  it('names a missing parameter in the same 400 shape', async () => {
    const confirm = await call('confirm', { body: {} });
    expect(confirm.status).toBe(400);
    expect(confirm.body).toEqual({ error_message: 'Request validation failed', error_code: 'VALIDATION_FAILED', errors: { number: 'This field is required.' } });

    const paid = await call('paid', { body: { number: 'FR9TL74P' } });
    expect(paid.status).toBe(400);
    expect(paid.body).toEqual({ error_message: 'Request validation failed', error_code: 'VALIDATION_FAILED', errors: { order: 'This field is required.', number: 'property number should not exist' } });

    const malformed = await call('cancel', { body: '{"order": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error_code: expect.any(String), errors: {} });
  });

  it('401 {"detail": "Invalid token"} for a missing, malformed or unknown token', async () => {
    const invalid = { detail: 'Invalid token' };
    const missing = await call('confirm', { body: { number: 'FR9TL75Q' }, token: null });
    expect([missing.status, missing.body]).toEqual([401, invalid]);
    const bearer = await call('confirm', { body: { number: 'FR9TL75Q' }, authorization: `Bearer ${DEMO_TOKEN}` });
    expect([bearer.status, bearer.body]).toEqual([401, invalid]);
    const unknown = await call('confirm', { body: { number: 'FR9TL75Q' }, token: 'not-a-store-token' });
    expect([unknown.status, unknown.body]).toEqual([401, invalid]);
  });

  it('403 over plain HTTP when HTTPS is required (X-Forwarded-Proto: http, or no TLS at all)', async () => {
    const detail = { detail: 'Please use https instead of http' };
    const viaProxy = await call('confirm', { body: { number: 'FR9TL75Q' }, proto: 'http' });
    expect([viaProxy.status, viaProxy.body]).toEqual([403, detail]);
    const direct = await call('confirm', { body: { number: 'FR9TL75Q' }, proto: null });
    expect([direct.status, direct.body]).toEqual([403, detail]);
    // Plain HTTP is refused before the token is looked at.
    const noToken = await call('confirm', { body: { number: 'FR9TL75Q' }, proto: 'http', token: null });
    expect(noToken.status).toBe(403);
  });

  it('405 with Allow: POST, OPTIONS for other methods; OPTIONS answers 204 with Allow', async () => {
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE']) {
      const response = await call('confirm', { method, body: method === 'GET' ? undefined : '{}' });
      expect({ method, status: response.status, allow: response.headers.get('allow') }).toEqual({ method, status: 405, allow: 'POST, OPTIONS' });
    }
    const options = await call('paid', { method: 'OPTIONS', token: null, proto: null });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe('POST, OPTIONS');
  });
});
