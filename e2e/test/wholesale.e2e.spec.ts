import { sleep, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CheckoutApi, steps } from '../support/checkout-api';
import { CheckoutPlatform } from '../support/checkout-platform';
import { mailsForOrder, templatesOf } from '../support/order-mails';

const DEMO_KEY = 'demo-mla-4c1f0e7b9d2a46e8b3f5';
const TRADE_EMAIL = 'john.doe@mlaccessories.example';

interface WholesaleOrder {
  order_id: number;
  order_state: string;
  total_price: number;
  total_vat: number;
  products: Array<{ product_code: string; quantity: number }>;
}

/** The wholesale API (`/apis/customer/orders`) with the demo trade customer's key. */
async function call<T>(gatewayUrl: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${gatewayUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${DEMO_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30000),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

function orderRequest(customerOrderNo: string, products: Array<{ product_code: string; quantity: number }>) {
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
    products,
  };
}

// A trade customer's order from the wholesale API through invoicing, payment on account and shipment.
describe('wholesale order through the checkout lifecycle', () => {
  let platform: CheckoutPlatform;
  let api: CheckoutApi;
  const customerOrderNo = `MLA-API #${randomUUID().slice(0, 8)}`;
  let orderId: number;
  let platformOrderId: string;

  beforeAll(async () => {
    platform = await CheckoutPlatform.start();
    api = new CheckoutApi(platform.gatewayUrl);
  }, 300000);

  afterAll(async () => {
    await platform?.stop();
  }, 120000);

  it('creates the order (201), then updates it by customer_order_no (200) with re-priced totals', async () => {
    const created = await call<WholesaleOrder>(platform.gatewayUrl, 'POST', '/apis/customer/orders', orderRequest(customerOrderNo, [{ product_code: 'VFR8CW', quantity: 5 }]));
    expect(created.status).toBe(201);
    expect(created.body.order_state).toBe('OPEN');
    // 5 x 23.45 + carriage 10.00 (under the free threshold)
    expect(created.body.total_price).toBe(127.25);
    orderId = created.body.order_id;

    const updated = await call<WholesaleOrder>(
      platform.gatewayUrl,
      'POST',
      '/apis/customer/orders',
      orderRequest(customerOrderNo, [
        { product_code: 'VFR8CW', quantity: 10 },
        { product_code: 'VFR8BEZMW', quantity: 5 },
        { product_code: 'VFR8BEZCBR', quantity: 5 },
      ]),
    );
    expect(updated.status).toBe(200);
    expect(updated.body.order_id).toBe(orderId);
    expect(updated.body.products.map((line) => [line.product_code, line.quantity])).toEqual([
      ['VFR8CW', 10],
      ['VFR8BEZMW', 5],
      ['VFR8BEZCBR', 5],
    ]);
    expect(updated.body.total_price).toBe(252.35);
    expect(updated.body.total_vat).toBe(50.47);
  });

  it('places it (204) and the order reaches SHIPPED', async () => {
    const placed = await call(platform.gatewayUrl, 'PUT', `/apis/customer/orders/${orderId}/place`);
    expect(placed.status).toBe(204);

    const seen: string[] = [];
    await waitFor(
      async () => {
        const state = (await call<WholesaleOrder>(platform.gatewayUrl, 'GET', `/apis/customer/orders/${orderId}`)).body.order_state;
        if (seen[seen.length - 1] !== state) seen.push(state);
        return state === 'SHIPPED';
      },
      { timeoutMs: 90000, intervalMs: 250, description: `wholesale order ${orderId} SHIPPED` },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; states seen: ${JSON.stringify(seen)}`);
    });
    // Whatever was observed along the way only ever moved forward.
    const order = ['PLACED', 'INVOICED', 'PAID', 'SHIPPED'];
    expect(seen.map((state) => order.indexOf(state))).toEqual([...seen.map((state) => order.indexOf(state))].sort((a, b) => a - b));
    expect(seen).not.toContain('CANCELLED');
  }, 120000);

  it('shows InvoiceCreated, PaymentProcessed on account and OrderShipped on the platform order', async () => {
    platformOrderId = await platformOrderIdOf(platform.databaseUrl, orderId);
    const view = await api.waitForOrder(platformOrderId, (order) => order.status === 'shipped', 60000, 'status shipped');
    expect(steps(view)).toEqual(expect.arrayContaining(['CartUpdated', 'InvoiceCreated', 'PaymentProcessed', 'OrderShipped']));
    const payment = view.timeline.find((entry) => entry.step === 'PaymentProcessed');
    expect(payment?.details).toMatchObject({ method: 'account', currency: 'GBP', amountMinor: 25235 + 5047 });
  }, 90000);

  it('mails the trade customer the invoice, payment and shipped notices once each', async () => {
    const smtp = platform.mailbox;
    const forOrder = () => mailsForOrder(smtp.messages, platformOrderId);
    await waitFor(() => templatesOf(forOrder()).length >= 3, { timeoutMs: 60000, intervalMs: 250, description: `three mails for order ${platformOrderId}` }).catch(
      (error: Error) => {
        throw new Error(`${error.message}; subjects seen: ${JSON.stringify(smtp.messages.map((m) => m.subject))}`);
      },
    );
    await sleep(3000); // a duplicate would arrive now
    expect(templatesOf(forOrder())).toEqual(['invoice-created', 'order-shipped', 'payment-received']);
    for (const mail of forOrder()) expect(mail.to).toEqual([TRADE_EMAIL]);
  }, 90000);

  it('refuses to place it again (409)', async () => {
    const again = await call<{ message: string }>(platform.gatewayUrl, 'PUT', `/apis/customer/orders/${orderId}/place`);
    expect(again.status).toBe(409);
    expect((await call<WholesaleOrder>(platform.gatewayUrl, 'GET', `/apis/customer/orders/${orderId}`)).body.order_state).toBe('SHIPPED');
  });
});

/** The trade API keeps its own numbers; the platform id is read from the cart's table. */
async function platformOrderIdOf(databaseUrl: string, orderId: number): Promise<string> {
  const sql = new Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const { rows } = await sql.query('SELECT platform_order_id::text AS id FROM cart.wholesale_orders WHERE order_id = $1', [orderId]);
    const id = (rows[0] as { id?: string } | undefined)?.id;
    if (!id) throw new Error(`no wholesale order ${orderId} in the cart schema`);
    return id;
  } finally {
    await sql.end();
  }
}
