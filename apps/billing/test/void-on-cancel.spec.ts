import { Topics } from '@order-platform/contracts';
import { waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { cartUpdated as cartOf, orderCancelled } from './support/billing-events';
import { BillingTestBed } from './support/billing-test-bed';

const cartUpdated = (orderId: string, paymentTerms?: 'card' | 'cash') => cartOf(orderId, paymentTerms ? { paymentTerms } : {});

describe('billing: OrderCancelled voids the order invoice (real PostgreSQL + Kafka-protocol broker)', () => {
  let bed: BillingTestBed;

  beforeAll(async () => {
    bed = await BillingTestBed.start({ topics: [Topics.InvoiceCreated, Topics.InvoiceVoided] });
  }, 90_000);

  afterAll(() => bed?.stop(), 60_000);

  const invoiceOf = async (orderId: string) =>
    (await bed.sql.rows(`SELECT status, void_reason, payment_terms FROM $schema.invoices WHERE order_id = $1`, [orderId]))[0] as
      | { status: string; void_reason: string | null; payment_terms: string }
      | undefined;

  async function invoicedOrder(paymentTerms?: 'card' | 'cash'): Promise<string> {
    const orderId = randomUUID();
    await bed.publish(cartUpdated(orderId, paymentTerms));
    await waitFor(() => bed.eventsFor(Topics.InvoiceCreated, orderId)[0], { timeoutMs: 30_000, description: 'InvoiceCreated' });
    return orderId;
  }

  it('voids the invoice once and publishes one InvoiceVoided, also when the cancellation is redelivered', async () => {
    const orderId = await invoicedOrder();
    const cancelled = orderCancelled(orderId);
    await bed.publish(cancelled);
    const voided = await waitFor(() => bed.eventsFor(Topics.InvoiceVoided, orderId)[0], { timeoutMs: 30_000, description: 'InvoiceVoided' });
    expect(voided.value).toMatchObject({ correlationId: cancelled.correlationId, payload: { orderId, reason: 'order_cancelled: Kitchen closed' } });
    expect(await invoiceOf(orderId)).toMatchObject({ status: 'voided', void_reason: 'order_cancelled: Kitchen closed' });

    // The same event again, and a second cancellation with a new id: neither voids anew.
    await bed.publish(cancelled);
    const again = orderCancelled(orderId, { reason: 'Cancelled twice' });
    await bed.publish(again);
    await bed.handled(again);
    expect(bed.eventsFor(Topics.InvoiceVoided, orderId)).toHaveLength(1);
    expect(await invoiceOf(orderId)).toMatchObject({ status: 'voided', void_reason: 'order_cancelled: Kitchen closed' });
  });

  it('voids a cash order invoice (payment terms cash are accepted end to end)', async () => {
    const orderId = await invoicedOrder('cash');
    expect(await invoiceOf(orderId)).toMatchObject({ status: 'issued', payment_terms: 'cash' });
    const created = bed.eventsFor(Topics.InvoiceCreated, orderId)[0];
    expect(created?.value).toMatchObject({ payload: { paymentTerms: 'cash' } });

    await bed.publish(orderCancelled(orderId, { refundRequired: false }));
    await waitFor(() => bed.eventsFor(Topics.InvoiceVoided, orderId)[0], { timeoutMs: 30_000, description: 'InvoiceVoided' });
    expect(await invoiceOf(orderId)).toMatchObject({ status: 'voided' });
  });

  it('a cancelled order without an invoice is handled and voids nothing', async () => {
    const orderId = randomUUID();
    const cancelled = orderCancelled(orderId, { refundRequired: false, cancelledBy: 'customer' });
    await bed.publish(cancelled);
    await bed.handled(cancelled);
    expect(await invoiceOf(orderId)).toBeUndefined();
    expect(bed.eventsFor(Topics.InvoiceVoided, orderId)).toHaveLength(0);
  });
});
