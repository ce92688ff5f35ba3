import { sleep, waitFor } from '@order-platform/testing';
import { Client } from 'pg';
import { AppApi } from '../support/app-api';
import { CheckoutApi, steps } from '../support/checkout-api';
import { CheckoutPlatform } from '../support/checkout-platform';
import { mailsForOrder, templatesOf } from '../support/order-mails';

interface AppOrder {
  id: string;
  status: string;
  total: string;
  rejectionReason: string | null;
  checkout: { status: string; timeline: Array<{ step: string; details: Record<string, unknown> }> } | null;
}

// The customer-app flow end to end: a card order is paid through the checkout services, then the
// restaurant rejects it: cancelled, refunded, invoice voided and the customer mailed, once each.
describe('customer-app order rejected by the restaurant after a card payment', () => {
  let platform: CheckoutPlatform;
  let app: AppApi;
  let checkout: CheckoutApi;
  let orderId: string;

  beforeAll(async () => {
    platform = await CheckoutPlatform.start();
    app = new AppApi(platform.gatewayUrl);
    checkout = new CheckoutApi(platform.gatewayUrl);
    for (const user of ['customer5', 'restaurant9', 'restaurant10']) await app.login(user);
  }, 300000);

  afterAll(async () => {
    await platform?.stop();
  }, 120000);

  it('takes the order through steps 1-3 and the card payment', async () => {
    const created = await app.call<AppOrder>('customer5', 'POST', '/orders', {
      restaurantId: '9',
      lines: [{ productId: 'margherita', quantity: 2 }, { productId: 'tiramisu', quantity: 1 }],
      deliveryAddress: '5 Herzl St, Tel Aviv',
    });
    expect(created.status).toBe(200);
    orderId = created.body.id;

    const early = await app.call('restaurant9', 'PUT', `/orders/${orderId}`, { step: 'restaurantRejection', reason: 'Too early' });
    expect(early.status).toBe(400);
    expect(early.body).toEqual({ errorKey: 'stepOutOfOrder', message: 'Step restaurantRejection is not allowed while the order is CREATED.' });

    const details = await app.call<AppOrder>('customer5', 'PUT', `/orders/${orderId}`, {
      step: 'customerDetails',
      customerDetails: { name: 'Noa Levi', phone: '0541111111', email: 'noa@example.com' },
    });
    expect(details.body.status).toBe('DETAILS_CONFIRMED');
    const paid = await app.call<AppOrder>('customer5', 'PUT', `/orders/${orderId}`, { step: 'paymentConfirmation', paymentMethod: 'CARD' });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('PAYMENT_CONFIRMED');

    const order = await checkout.waitForOrder(orderId, (view) => steps(view).includes('PaymentProcessed'), 90000, 'the card payment');
    expect(steps(order)).toEqual(expect.arrayContaining(['CartUpdated', 'InvoiceCreated', 'PaymentProcessed']));
  }, 120000);

  it('refuses a rejection by another restaurant', async () => {
    const foreign = await app.call('restaurant10', 'PUT', `/orders/${orderId}`, { step: 'restaurantRejection', reason: 'Not ours' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toEqual({ errorKey: 'wrongAuthenticatedUser', message: 'Should be authenticated as restaurant 9 instead of 10.' });
  });

  it('rejects: the order is cancelled with the reason, the card refunded and the invoice voided', async () => {
    const rejected = await app.call<AppOrder>('restaurant9', 'PUT', `/orders/${orderId}`, { step: 'restaurantRejection', reason: 'Out of dough' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', rejectionReason: 'Out of dough' });

    const order = await checkout.waitForOrder(
      orderId,
      (view) => ['PaymentRefunded', 'InvoiceVoided', 'OrderCancelled'].every((step) => steps(view).includes(step)),
      90000,
      'PaymentRefunded, InvoiceVoided and OrderCancelled on the timeline',
    );
    expect(order.status).toBe('cancelled');
    expect(steps(order)).toEqual(expect.arrayContaining(['OrderRejected', 'OrderCancelled', 'PaymentRefunded', 'InvoiceVoided']));
    const charged = order.timeline.find((step) => step.step === 'PaymentProcessed')?.details?.['amountMinor'];
    const refunds = order.timeline.filter((step) => step.step === 'PaymentRefunded');
    expect(refunds).toHaveLength(1);
    expect(charged).toEqual(expect.any(Number));
    expect(refunds[0]?.details?.['amountMinor']).toBe(charged);

    const again = await app.call('restaurant9', 'PUT', `/orders/${orderId}`, { step: 'restaurantAcceptance' });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ errorKey: 'stepOutOfOrder' });

    const tracked = await app.call<AppOrder>('customer5', 'GET', `/orders/${orderId}`);
    expect(tracked.body).toMatchObject({ status: 'REJECTED', checkout: { status: 'cancelled' } });
  }, 120000);

  it('records one refund and a voided invoice, and the lifecycle ends cancelled and refunded', async () => {
    const db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    try {
      const lifecycle = await waitFor(
        async () => {
          const rows = await db.query('SELECT lifecycle_status, payment_status FROM order_status.orders WHERE order_id = $1', [orderId]);
          return rows.rows[0]?.payment_status === 3 ? rows.rows[0] : undefined;
        },
        { timeoutMs: 30000, description: 'payment status refunded in order-status' },
      );
      expect(lifecycle).toEqual({ lifecycle_status: 30, payment_status: 3 });
      const refunds = await db.query('SELECT count(*)::int AS n FROM payment.refunds WHERE order_id = $1', [orderId]);
      expect(refunds.rows[0].n).toBe(1);
      const invoices = await db.query('SELECT status FROM billing.invoices WHERE order_id = $1', [orderId]);
      expect(invoices.rows.map((row: { status: string }) => row.status)).toEqual(['voided']);
    } finally {
      await db.end();
    }
  }, 60000);

  it('never ships the rejected order: the restaurant had not accepted it', async () => {
    const db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    try {
      // Shipment has seen the invoice, the payment and the cancellation, so anything it would
      // have shipped is shipped by now.
      await waitFor(
        async () => {
          const seen = await db.query(
            `SELECT (SELECT count(*) FROM shipment.order_destinations WHERE order_id = $1)::int AS destinations,
                    (SELECT count(*) FROM shipment.paid_orders WHERE order_id = $1)::int AS paid,
                    (SELECT count(*) FROM shipment.cancelled_orders WHERE order_id = $1)::int AS cancelled`,
            [orderId],
          );
          const row = seen.rows[0] as { destinations: number; paid: number; cancelled: number };
          return row.destinations === 1 && row.paid === 1 && row.cancelled === 1;
        },
        { timeoutMs: 30000, description: 'shipment has handled the invoice, payment and cancellation' },
      );
      const shipments = await db.query('SELECT count(*)::int AS n FROM shipment.shipments WHERE order_id = $1', [orderId]);
      expect(shipments.rows[0].n).toBe(0);
    } finally {
      await db.end();
    }
    const view = await checkout.order(orderId);
    expect(view.status).toBe(200);
    expect(steps(view.body)).toEqual(expect.arrayContaining(['PaymentProcessed', 'OrderCancelled']));
    expect(steps(view.body)).not.toContain('OrderShipped');
  }, 60000);

  it('mails the customer once that the order was cancelled and will be refunded', async () => {
    const smtp = platform.mailbox;
    await waitFor(() => templatesOf(mailsForOrder(smtp.messages, orderId)).includes('order-cancelled'), {
      timeoutMs: 60000,
      intervalMs: 250,
      description: `an order-cancelled mail for order ${orderId}`,
    });
    await sleep(2000);
    const cancelled = mailsForOrder(smtp.messages, orderId).filter((mail) => templatesOf([mail])[0] === 'order-cancelled');
    expect(cancelled).toHaveLength(1);
    const [mail] = cancelled;
    expect(mail?.to).toContain('noa@example.com');
    expect(mail?.text).toMatch(/because out of dough/i);
    expect(mail?.text).toMatch(/will be refunded/);
  }, 90000);
});
