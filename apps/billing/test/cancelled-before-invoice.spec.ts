import { createEvent, dlqTopic, type OrderCancelledPayload, Topics } from '@order-platform/contracts';
import { waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CreateInvoiceService } from '../src/create-invoice/create-invoice.service';
import { VoidInvoiceService } from '../src/void-invoice/void-invoice.service';
import { cartUpdated, orderCancelled as cancellation } from './support/billing-events';
import { BillingTestBed } from './support/billing-test-bed';

const orderCancelled = (orderId: string, overrides: Partial<OrderCancelledPayload> = {}) =>
  cancellation(orderId, { reason: 'Customer changed their mind', cancelledBy: 'customer', refundRequired: false, ...overrides });

describe('billing: an order cancelled before it is invoiced (real PostgreSQL + Kafka-protocol broker)', () => {
  let bed: BillingTestBed;

  beforeAll(async () => {
    bed = await BillingTestBed.start({ topics: [dlqTopic(Topics.CartUpdated)], commands: true });
  }, 90_000);

  afterAll(() => bed?.stop(), 60_000);

  const deadLettered = (orderId: string) => bed.received(dlqTopic(Topics.CartUpdated)).filter((m) => m.key === orderId);

  it('OrderCancelled first, then CartUpdated -> no invoice and no InvoiceCreated, the event handled once; also when both are redelivered', async () => {
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId);
    await bed.publish(cancelled);
    await bed.handled(cancelled);
    expect(await bed.cancellationOf(orderId)).toMatchObject({ reason: 'Customer changed their mind', cancelled_by: 'customer', cancellation_event_id: cancelled.id });

    const cart = cartUpdated(orderId);
    await bed.publish(cart);
    await bed.handled(cart);
    expect(await bed.invoicesFor(orderId)).toHaveLength(0);

    // Both events again, then markers with new ids: once the markers are handled, so are the duplicates.
    await bed.publish(cancelled);
    await bed.publish(cart);
    const cancelledAgain = orderCancelled(orderId, { reason: 'Cancelled twice', cancelledBy: 'operator' });
    const cartAgain = createEvent(Topics.CartUpdated, cart.payload, { correlationId: cart.correlationId });
    await bed.publish(cancelledAgain);
    await bed.publish(cartAgain);
    await bed.handled(cancelledAgain);
    await bed.handled(cartAgain);

    expect(await bed.invoicesFor(orderId)).toHaveLength(0);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([]);
    expect(await bed.cancellationOf(orderId)).toMatchObject({ reason: 'Customer changed their mind', cancellation_event_id: cancelled.id });
    expect(deadLettered(orderId)).toHaveLength(0);
  });

  it('billing.issue-invoice for an order cancelled first answers CONFLICT order_cancelled and creates nothing', async () => {
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId, { cancelledBy: 'merchant' });
    await bed.publish(cancelled);
    await bed.handled(cancelled);

    const request = {
      orderId,
      customerId: '5',
      currency: 'USD',
      subtotalMinor: 1967,
      taxMinor: 433,
      totalMinor: 2400,
      items: [{ productId: 'margherita', quantity: 2, unitPriceMinor: 1200 }],
      name: 'Noa Levi',
      phone: '0541111111',
      shippingAddress: '5 Herzl St, Tel Aviv',
    };
    const reply = await bed.issue(request, orderId);
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining(`Order ${orderId} was cancelled`), details: [{ path: 'orderId', message: 'order_cancelled' }] },
    });
    expect(await bed.invoicesFor(orderId)).toHaveLength(0);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([]);
  });

  it('a cancellation not yet committed makes CartUpdated wait for it, and then issue nothing', async () => {
    // Driven through the service's own providers: the broker cannot hold one handler half-way.
    const voidInvoice = bed.get(VoidInvoiceService);
    const createInvoice = bed.get(CreateInvoiceService);
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId);
    const cart = cartUpdated(orderId);

    // An uncommitted row with the order's key: the cancellation stops, holding the order lock, where it records itself.
    const blocker = new Client({ connectionString: bed.infra.database.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      const [{ pid }] = (await blocker.query('SELECT pg_backend_pid() AS pid')).rows as Array<{ pid: number }>;
      await blocker.query(
        `INSERT INTO "${bed.service.schema}".cancelled_orders (order_id, reason, cancelled_by, cancellation_event_id, cancelled_at) VALUES ($1, 'blocker', 'system', 'blocker', now())`,
        [orderId],
      );
      const cancelling = voidInvoice.onOrderCancelled(cancelled);
      await waitFor(async () => (await bed.sql.rows(`SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, [pid])).length > 0, {
        timeoutMs: 10_000,
        description: 'the cancellation waiting on the blocker',
      });

      let invoicingSettled = false;
      const invoicing = createInvoice.handle(cart).finally(() => (invoicingSettled = true));
      const waitingOnAdvisoryLock = async () =>
        (await bed.sql.rows(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`, [])).length > 0;
      await waitFor(async () => invoicingSettled || (await waitingOnAdvisoryLock()), { timeoutMs: 10_000, description: 'CartUpdated waiting or done' });
      expect(invoicingSettled).toBe(false);

      await blocker.query('ROLLBACK');
      expect(await cancelling).toBe('processed');
      expect(await invoicing).toBe('order_cancelled');
    } finally {
      await blocker.end();
    }
    expect(await bed.invoicesFor(orderId)).toHaveLength(0);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([]);
    expect(await bed.cancellationOf(orderId)).toMatchObject({ cancellation_event_id: cancelled.id });
  });
});
