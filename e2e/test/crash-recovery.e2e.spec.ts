import { Client } from 'pg';
import { sleep, waitFor } from '@order-platform/testing';
import { CheckoutApi, FINAL_STATUSES, OrderView } from '../support/checkout-api';
import { CheckoutPlatform } from '../support/checkout-platform';
import { DECLINED_CUSTOMER_ID, PAYING_CUSTOMER_ID } from '../support/customers';
import { distinctPerOrder, eventsFor } from '../support/event-ledger';
import { mailsForOrder, notificationKey, templatesOf } from '../support/order-mails';

// Orders in flight while billing, payment, shipment and email are SIGKILLed in turn (the
// launcher restarts them) and the broker is SIGKILLed and restarted on the same data: every
// order still ends shipped or cancelled, with no duplicate invoice, charge, shipment or mail.
describe('crash recovery with orders in flight', () => {
  const WAVE = 10;
  let platform: CheckoutPlatform;
  let api: CheckoutApi;
  const orders = new Map<string, string>(); // orderId -> customerId
  const finals = new Map<string, OrderView>();

  beforeAll(async () => {
    platform = await CheckoutPlatform.start({ externalBroker: true });
    api = new CheckoutApi(platform.gatewayUrl);
  }, 300000);

  afterAll(async () => {
    await platform?.stop();
  }, 120000);

  async function submitWave(): Promise<void> {
    const customers = Array.from({ length: WAVE }, (_, i) => (i % 5 === 4 ? DECLINED_CUSTOMER_ID : PAYING_CUSTOMER_ID));
    const submitted = await Promise.all(customers.map(async (customerId) => ({ customerId, order: await api.submitCart(customerId) })));
    for (const { customerId, order } of submitted) orders.set(order.orderId, customerId);
  }

  /** SIGKILL and wait only until the launcher has a new process (not until it is ready). */
  async function kill(name: string): Promise<void> {
    const before = platform.servicePid(name);
    process.kill(before, 'SIGKILL');
    await waitFor(() => platform.servicePid(name) !== before, { timeoutMs: 30000, intervalMs: 100, description: `${name} restarted` });
  }

  /** orderId -> '<status> <template> <last error>' rows of email.notifications. */
  async function notificationLog(orderIds: string[]): Promise<Map<string, string[]>> {
    const db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ order_id: string; template: string; status: string; last_error: string | null }>(
        'SELECT order_id, template, status, last_error FROM email.notifications WHERE order_id = ANY($1) ORDER BY created_at',
        [orderIds],
      );
      const log = new Map<string, string[]>();
      for (const row of rows) log.set(row.order_id, [...(log.get(row.order_id) ?? []), `${row.status} ${row.template} ${row.last_error ?? ''}`.trim()]);
      return log;
    } finally {
      await db.end();
    }
  }

  async function ordersNotFinal(): Promise<number> {
    const views = await Promise.all([...orders.keys()].map((orderId) => api.order(orderId)));
    return views.filter((view) => view.status !== 200 || !FINAL_STATUSES.includes(view.body.status)).length;
  }

  it('brings every order to shipped or cancelled', async () => {
    await submitWave();
    await kill('billing');
    await submitWave();
    await kill('payment');
    await submitWave();
    await kill('shipment');
    await kill('email');
    // The scenario only means something if orders are still moving when the broker dies.
    const inFlight = await ordersNotFinal();
    await platform.brokerProcess.kill();
    await sleep(1000);
    await platform.brokerProcess.start();
    for (const name of ['billing', 'payment', 'shipment', 'email', 'order-status', 'cart', 'gateway']) await platform.waitUntilReady(name, 150000);

    const deadline = Date.now() + 240000;
    for (const orderId of orders.keys()) {
      const view = await api.waitForOrder(orderId, (order) => FINAL_STATUSES.includes(order.status), Math.max(deadline - Date.now(), 1000), 'a final state');
      finals.set(orderId, view);
    }
    expect({ inFlightAtBrokerKill: inFlight > 0 }).toEqual({ inFlightAtBrokerKill: true });
    const byStatus = (status: string) => [...finals.values()].filter((view) => view.status === status).map((view) => view.orderId);
    // The card on file decides the outcome, crashes do not.
    expect(byStatus('shipped').sort()).toEqual([...orders].filter(([, c]) => c === PAYING_CUSTOMER_ID).map(([id]) => id).sort());
    expect(byStatus('cancelled').sort()).toEqual([...orders].filter(([, c]) => c === DECLINED_CUSTOMER_ID).map(([id]) => id).sort());
  }, 600000);

  it('created exactly one invoice per order, at most one charge, one shipment per paid order', async () => {
    expect(orders.size).toBe(3 * WAVE);
    expect(finals.size).toBe(orders.size);
    const ids = new Set(orders.keys());
    const shipped = [...finals.values()].filter((view) => view.status === 'shipped').map((view) => view.orderId);
    const brokers = platform.kafkaBrokers;

    const invoices = distinctPerOrder(await eventsFor(brokers, 'InvoiceCreated', ids, ids.size), 'invoiceId');
    const charges = distinctPerOrder(await eventsFor(brokers, 'PaymentProcessed', ids, shipped.length), 'paymentId');
    const shipments = distinctPerOrder(await eventsFor(brokers, 'OrderShipped', ids, shipped.length), 'trackingNumber');
    for (const orderId of ids) {
      const paid = shipped.includes(orderId);
      expect({ orderId, invoices: invoices.get(orderId)?.size ?? 0 }).toEqual({ orderId, invoices: 1 });
      expect({ orderId, charges: charges.get(orderId)?.size ?? 0 }).toEqual({ orderId, charges: paid ? 1 : 0 });
      expect({ orderId, shipments: shipments.get(orderId)?.size ?? 0 }).toEqual({ orderId, shipments: paid ? 1 : 0 });
    }

    // The services' own records agree with their events.
    const db = new Client({ connectionString: platform.databaseUrl });
    await db.connect();
    try {
      const count = async (sql: string) =>
        new Map((await db.query<{ order_id: string; n: string }>(sql, [[...ids]])).rows.map((row) => [row.order_id, Number(row.n)]));
      const invoiceRows = await count('SELECT order_id, count(*) AS n FROM billing.invoices WHERE order_id = ANY($1) GROUP BY order_id');
      const shipmentRows = await count('SELECT order_id, count(*) AS n FROM shipment.shipments WHERE order_id = ANY($1) GROUP BY order_id');
      const chargeRows = await count(`SELECT order_id, count(*) AS n FROM payment.charges WHERE status = 'succeeded' AND order_id = ANY($1) GROUP BY order_id`);
      // The provider's side (the sandbox keeps its ledger across payment's SIGKILLs, as a real
      // provider would): a charge retried after a crash replays its first answer, never charges again.
      const providerCharges = await count(
        `SELECT c.order_id, count(s.provider_charge_id) AS n FROM payment.charges c
           JOIN payment_sandbox.charges s ON s.idempotency_key = c.idempotency_key
          WHERE c.order_id = ANY($1) GROUP BY c.order_id`,
      );
      for (const orderId of ids) {
        const paid = shipped.includes(orderId);
        expect({ orderId, invoiceRows: invoiceRows.get(orderId) ?? 0 }).toEqual({ orderId, invoiceRows: 1 });
        expect({ orderId, successfulCharges: chargeRows.get(orderId) ?? 0 }).toEqual({ orderId, successfulCharges: paid ? 1 : 0 });
        // A shipped order was charged exactly once there; any other at most once (then refunded).
        const atProvider = providerCharges.get(orderId) ?? 0;
        expect({ orderId, providerCharges: atProvider }).toEqual({ orderId, providerCharges: paid ? 1 : expect.any(Number) });
        expect({ orderId, atMostOnceAtProvider: atProvider <= 1 }).toEqual({ orderId, atMostOnceAtProvider: true });
        expect({ orderId, shipmentRows: shipmentRows.get(orderId) ?? 0 }).toEqual({ orderId, shipmentRows: paid ? 1 : 0 });
      }
    } finally {
      await db.end();
    }
  });

  it('mailed exactly three notifications per shipped order (a resend after a crash mid-send keeps its Message-ID)', async () => {
    const smtp = platform.mailbox;
    expect(finals.size).toBe(3 * WAVE);
    const shipped = [...finals.values()].filter((view) => view.status === 'shipped').map((view) => view.orderId);
    await waitFor(() => shipped.every((orderId) => new Set(mailsForOrder(smtp.messages, orderId).map(notificationKey)).size >= 3), {
      timeoutMs: 60000,
      intervalMs: 500,
      description: 'three mails for every shipped order',
    }).catch(() => undefined); // the assertions below say which order is short
    await sleep(5000);
    // The email service's notification log, shown beside any short order so a failure says why.
    const log = await notificationLog(shipped);
    for (const orderId of shipped) {
      const mails = mailsForOrder(smtp.messages, orderId);
      const distinct = [...new Map(mails.map((mail) => [notificationKey(mail), mail])).values()];
      const notifications = log.get(orderId) ?? [];
      expect({ orderId, templates: templatesOf(distinct), notifications }).toEqual({
        orderId,
        templates: ['invoice-created', 'order-shipped', 'payment-received'],
        notifications: expect.anything(),
      });
      expect({ orderId, messageIds: new Set(mails.map((mail) => mail.messageId)).size }).toEqual({ orderId, messageIds: 3 });
      expect({ orderId, sentInLog: notifications.filter((row) => row.startsWith('sent ')).length }).toEqual({ orderId, sentInLog: 3 });
    }
    for (const view of finals.values()) {
      if (view.status !== 'cancelled') continue;
      const templates = templatesOf(mailsForOrder(smtp.messages, view.orderId));
      expect({ orderId: view.orderId, failedMail: templates.includes('payment-failed'), shippedMail: templates.includes('order-shipped') }).toEqual({
        orderId: view.orderId,
        failedMail: true,
        shippedMail: false,
      });
    }
  });
});
