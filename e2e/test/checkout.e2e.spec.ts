import { randomBytes } from 'node:crypto';
import { sleep, waitFor } from '@order-platform/testing';
import { CheckoutApi, hasSteps, problemFields, steps } from '../support/checkout-api';
import { CheckoutPlatform } from '../support/checkout-platform';
import { mailsForOrder, notificationKey, templatesOf } from '../support/order-mails';

// The happy path of the checkout flow through the gateway's public API, on the whole platform.
describe('checkout through the gateway', () => {
  let platform: CheckoutPlatform;
  let api: CheckoutApi;
  let orderId: string;
  // What cart.json answered: a client sends these figures on to invoice.json.
  let figures = { tax: 36.0, subTotalAmount: 164.0, totalAmount: 200.0 };

  beforeAll(async () => {
    platform = await CheckoutPlatform.start();
    api = new CheckoutApi(platform.gatewayUrl);
  }, 300000);

  afterAll(async () => {
    await platform?.stop();
  }, 120000);

  it('prices the example cart with 22% tax included', async () => {
    const response = await api.post('/api/order/cart.json', {
      customerId: '8080',
      items: [
        { productId: '1234', quantity: 2, price: 50 },
        { productId: '2345', quantity: 1, price: 100 },
      ],
    });
    orderId = response.body.orderId as string;
    figures = { tax: response.body.tax as number, subTotalAmount: response.body.subTotalAmount as number, totalAmount: response.body.totalAmount as number };
    expect(response).toMatchObject({
      status: 200,
      body: { orderId: expect.any(String), tax: 36, subTotalAmount: 164, totalAmount: 200, status: 'pending' },
    });
  });

  it('invoices, charges and ships the order (timeline from order-status)', async () => {
    const order = await api.waitForOrder(
      orderId,
      (view) => hasSteps(view, ['CartUpdated', 'InvoiceCreated', 'PaymentProcessed', 'OrderShipped']),
      90000,
      'timeline CartUpdated, InvoiceCreated, PaymentProcessed, OrderShipped',
    );
    expect(order.orderId).toBe(orderId);
    expect(order.status).toBe('shipped');
    const seen = steps(order);
    expect(seen.indexOf('CartUpdated')).toBeLessThan(seen.indexOf('InvoiceCreated'));
    expect(seen.indexOf('InvoiceCreated')).toBeLessThan(seen.indexOf('PaymentProcessed'));
    expect(seen.indexOf('PaymentProcessed')).toBeLessThan(seen.indexOf('OrderShipped'));
    for (const entry of order.timeline) expect(entry).toMatchObject({ at: expect.any(String), eventId: expect.any(String) });
  });

  it('has exactly one invoice: invoice.json returns the same invoice twice', async () => {
    const first = await api.post('/api/order/invoice.json', invoiceRequest(orderId, figures));
    const second = await api.post('/api/order/invoice.json', invoiceRequest(orderId, figures));
    expect(first).toMatchObject({ status: 200, body: { invoiceId: expect.any(String), orderId, customerId: '8080', totalAmount: 200 } });
    expect(second).toMatchObject({ status: 200, body: { invoiceId: first.body.invoiceId } });
  });

  it('has exactly one charge: payment.json returns the same transaction twice', async () => {
    const invoice = await api.post('/api/order/invoice.json', invoiceRequest(orderId, figures));
    const request = { customerId: '8080', invoiceId: invoice.body.invoiceId, totalAmount: 200.0 };
    const first = await api.post('/api/order/payment.json', request);
    const second = await api.post('/api/order/payment.json', request);
    expect(invoice).toMatchObject({ status: 200, body: { invoiceId: expect.any(String) } });
    expect(first).toMatchObject({
      status: 200,
      body: {
        transactionId: expect.any(Number),
        credit_card: { first_digits: '424242', last_digits: '4242', brand: 'visa', customer_id: 8080 },
        payment: { currency: 'USD', customer_id: 8080, amount: '200.0' },
      },
    });
    const payment = first.body.payment as { created_at: string; completed_at: string };
    expect(payment.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    expect(payment.completed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    expect(second).toMatchObject({ status: 200, body: { transactionId: first.body.transactionId } });
  });

  it('has exactly one shipment: shipping.json returns the same 8-digit tracking number twice', async () => {
    const request = { orderId, name: 'Lital Hay', phone: '0545870006', shipping_address: '17 boulevard, 123 apt 6 Brooklyn NY' };
    const first = await api.post('/api/order/shipping.json', request);
    const second = await api.post('/api/order/shipping.json', request);
    expect(first).toEqual({ status: 200, body: { tracking_number: expect.any(Number) } });
    expect(String(first.body.tracking_number)).toMatch(/^\d{8}$/);
    expect(second.body).toEqual(first.body);
  });

  it('mails the customer exactly three times for the order: invoice, payment, shipped', async () => {
    const smtp = platform.mailbox;
    await waitFor(() => mailsForOrder(smtp.messages, orderId).length >= 3, {
      timeoutMs: 60000,
      intervalMs: 250,
      description: `three mails for order ${orderId}`,
    }).catch((error: Error) => {
      throw new Error(`${error.message}; subjects seen: ${JSON.stringify(smtp.messages.map((m) => m.subject))}`);
    });
    await sleep(5000); // a duplicate (redelivered event, retried send) would arrive in this window
    const mails = mailsForOrder(smtp.messages, orderId);
    expect(templatesOf(mails)).toEqual(['invoice-created', 'order-shipped', 'payment-received']);
    expect(new Set(mails.map(notificationKey)).size).toBe(3);
    const recipients = new Set(mails.flatMap((mail) => mail.to));
    expect(recipients.size).toBe(1);
    expect([...recipients][0]).toMatch(/@/);
  });

  it('email.json sends one informational mail and answers {"status":"OK"}; a repeated Idempotency-Key sends no second one', async () => {
    const smtp = platform.mailbox;
    const address = `e2e-${randomBytes(4).toString('hex')}@example.com`;
    const to = () => smtp.messages.filter((mail) => mail.to.includes(address));
    const request = { event: 'InvoiceCreated', name: 'Lital Hay', email: address };
    const key = { 'Idempotency-Key': `e2e-${randomBytes(6).toString('hex')}` };

    const first = await api.post('/api/order/email.json', request, key);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ status: 'OK' });
    await waitFor(() => to().length >= 1, { timeoutMs: 30000, description: `a mail to ${address}` });
    const again = await api.post('/api/order/email.json', request, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ status: 'OK' });
    await sleep(3000);
    expect(to()).toHaveLength(1);
  });

  describe('answers 400 naming each bad field', () => {
    it('cart.json: mistyped customer, zero quantity', async () => {
      const response = await api.post('/api/order/cart.json', { customerId: 8080, items: [{ productId: '1234', quantity: 0, price: 50 }] });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: expect.any(String) });
      expect(problemFields(response.body)).toEqual(['customerId', 'items[0].quantity']);
    });

    it('cart.json: empty cart', async () => {
      const response = await api.post('/api/order/cart.json', { customerId: '8080', items: [] });
      expect(response.status).toBe(400);
      expect(problemFields(response.body)).toEqual(['items']);
    });

    it('cart.json: unknown product', async () => {
      const response = await api.post('/api/order/cart.json', { customerId: '8080', items: [{ productId: '999999', quantity: 1, price: 10 }] });
      expect(response.status).toBe(400);
      expect(problemFields(response.body)).toEqual(['items[0].productId']);
    });

    it('invoice.json: missing order id and shipping address, negative total', async () => {
      const { orderId: _orderId, shipping_address: _address, ...rest } = invoiceRequest(orderId, figures);
      const response = await api.post('/api/order/invoice.json', { ...rest, totalAmount: -1 });
      expect(response.status).toBe(400);
      expect(problemFields(response.body)).toEqual(expect.arrayContaining(['orderId', 'shipping_address', 'totalAmount']));
    });

    it('payment.json: missing invoice id, mistyped total', async () => {
      const response = await api.post('/api/order/payment.json', { customerId: '8080', totalAmount: 'lots' });
      expect(response.status).toBe(400);
      expect(problemFields(response.body)).toEqual(expect.arrayContaining(['invoiceId', 'totalAmount']));
    });

    it('shipping.json: missing name, phone and address', async () => {
      const response = await api.post('/api/order/shipping.json', { orderId });
      expect(response.status).toBe(400);
      expect(problemFields(response.body)).toEqual(expect.arrayContaining(['name', 'phone', 'shipping_address']));
    });

    it('email.json: malformed address, missing event', async () => {
      const response = await api.post('/api/order/email.json', { name: 'Lital Hay', email: 'not-an-address' });
      expect(response.status).toBe(400);
      expect(problemFields(response.body)).toEqual(expect.arrayContaining(['email', 'event']));
    });

    it('a body that is not JSON is a 400, never a 500', async () => {
      const response = await api.post('/api/order/cart.json', '{"customerId": ');
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: expect.any(String) });
    });
  });

  it('answers 404 for an order it does not know', async () => {
    const response = await api.order(`no-such-order-${randomBytes(3).toString('hex')}`);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ error: expect.any(String) });
  });
});

/** invoice.json's request for a known order, as a client would send it. */
function invoiceRequest(orderId: string, figures: { tax: number; subTotalAmount: number; totalAmount: number }) {
  return {
    customerId: '8080',
    orderId,
    ...figures,
    currency: 'USD',
    items: [
      { productId: '1234', quantity: 2, price: 50 },
      { productId: '2345', quantity: 1, price: 100 },
    ],
    name: 'Lital Hay',
    phone: '0545870006',
    shipping_address: '17 boulevard, 123 apt 6 Brooklyn NY',
  };
}
