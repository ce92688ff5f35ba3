import { createEvent, type IssueInvoiceRequest, Topics } from '@order-platform/contracts';
import { waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import * as events from './support/billing-events';
import { BillingTestBed } from './support/billing-test-bed';

// Lital Hay's cart of two demo products (200.00 USD).
const cartUpdated = (orderId: string) =>
  events.cartUpdated(orderId, {
    customerId: '8080',
    customer: {
      customerId: '8080',
      name: 'Lital Hay',
      email: 'lital@example.com',
      phone: '0545870006',
      shippingAddress: '17 boulevard, 123 apt 6 Brooklyn NY',
    },
    items: [
      { productId: '1234', quantity: 2, unitPriceMinor: 5000, lineTotalMinor: 10000 },
      { productId: '2345', quantity: 1, unitPriceMinor: 10000, lineTotalMinor: 10000 },
    ],
    subtotalMinor: 16400,
    taxMinor: 3600,
    totalMinor: 20000,
  });

function issueRequest(orderId: string, overrides: Partial<IssueInvoiceRequest> = {}): IssueInvoiceRequest {
  return {
    orderId,
    customerId: '8080',
    currency: 'USD',
    subtotalMinor: 16400,
    taxMinor: 3600,
    totalMinor: 20000,
    items: [
      { productId: '1234', quantity: 2, unitPriceMinor: 5000 },
      { productId: '2345', quantity: 1, unitPriceMinor: 10000 },
    ],
    name: 'Lital Hay',
    phone: '0545870006',
    shippingAddress: '17 boulevard, 123 apt 6 Brooklyn NY',
    ...overrides,
  };
}

describe('billing: issue-invoice command and voiding (real PostgreSQL + Kafka-protocol broker)', () => {
  let bed: BillingTestBed;

  beforeAll(async () => {
    bed = await BillingTestBed.start({ topics: [Topics.InvoiceCreated, Topics.InvoiceVoided], commands: true });
  }, 90_000);

  afterAll(() => bed?.stop(), 60_000);

  const createdFor = (orderId: string) => bed.eventsFor(Topics.InvoiceCreated, orderId);

  it('issue-invoice before CartUpdated creates the invoice; the later CartUpdated adds none', async () => {
    const orderId = randomUUID();
    const reply = await bed.issue(issueRequest(orderId), orderId);
    expect(reply).toMatchObject({ ok: true, data: { orderId, customerId: '8080', totalMinor: 20000, currency: 'USD', created: true } });
    const invoiceId = reply.ok ? reply.data.invoiceId : '';

    const again = await bed.issue(issueRequest(orderId), orderId);
    expect(again).toMatchObject({ ok: true, data: { invoiceId, created: false } });

    const event = cartUpdated(orderId);
    await bed.publish(event);
    await bed.handled(event, { description: 'CartUpdated handled' });

    const rows = await bed.invoicesFor(orderId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: invoiceId, source: 'command', customer_name: 'Lital Hay', shipping_address: '17 boulevard, 123 apt 6 Brooklyn NY' });
    const [created] = await waitFor(() => (createdFor(orderId).length > 0 ? createdFor(orderId) : undefined), {
      timeoutMs: 20_000,
      description: 'InvoiceCreated',
    });
    expect(created.value).toMatchObject({
      payload: { invoiceId, customerName: 'Lital Hay', customerPhone: '0545870006', shippingAddress: '17 boulevard, 123 apt 6 Brooklyn NY', paymentTerms: 'card' },
    });
    expect(createdFor(orderId)).toHaveLength(1);
  });

  it('issue-invoice after CartUpdated returns that invoice with the snapshot contact, and refuses other totals', async () => {
    const orderId = randomUUID();
    await bed.publish(cartUpdated(orderId));
    const [row] = await waitFor(async () => {
      const rows = await bed.invoicesFor(orderId);
      return rows.length > 0 ? rows : undefined;
    }, { timeoutMs: 30_000, description: 'invoice from CartUpdated' });

    const reply = await bed.issue(issueRequest(orderId), orderId);
    expect(reply).toEqual({
      ok: true,
      data: { invoiceId: row.id, invoiceNumber: row.number, orderId, customerId: '8080', totalMinor: 20000, currency: 'USD', created: false },
    });

    const contradicting = await bed.issue(issueRequest(orderId, { subtotalMinor: 24400, totalMinor: 28000, taxMinor: 3600 }), orderId);
    expect(contradicting).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await bed.invoicesFor(orderId)).toHaveLength(1);

    const created = await waitFor(() => createdFor(orderId)[0], { timeoutMs: 20_000, description: 'InvoiceCreated' });
    expect(created.value).toMatchObject({ payload: { customerName: 'Lital Hay', customerEmail: 'lital@example.com', customerPhone: '0545870006' } });
  });

  it('answers VALIDATION_FAILED naming the bad fields', async () => {
    const orderId = randomUUID();
    const { name: _name, ...withoutName } = issueRequest(orderId);
    const reply = await bed.issue({ ...withoutName, items: [{ productId: '1234', quantity: 0, unitPriceMinor: 5000 }] }, orderId);
    expect(reply.ok).toBe(false);
    const paths = reply.ok ? [] : (reply.error.details as Array<{ path: string }>).map((d) => d.path);
    expect(reply).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(paths).toEqual(expect.arrayContaining(['name', 'items.0.quantity']));

    const badTotal = await bed.issue(issueRequest(orderId, { totalMinor: 20001 }), orderId);
    expect(badTotal).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: [{ path: 'totalMinor' }] } });
    expect(await bed.invoicesFor(orderId)).toHaveLength(0);
  });

  it('PaymentFailed voids the invoice once and publishes InvoiceVoided; the number is kept', async () => {
    const orderId = randomUUID();
    const reply = await bed.issue(issueRequest(orderId), orderId);
    if (!reply.ok) throw new Error(`issue failed: ${reply.error.message}`);
    const failed = createEvent(
      Topics.PaymentFailed,
      {
        orderId,
        paymentId: '1071573807',
        invoiceId: reply.data.invoiceId,
        amountMinor: 20000,
        currency: 'USD',
        reasonCode: 'card_declined',
        reason: 'Your card was declined.',
        retryable: false,
        failedAt: new Date().toISOString(),
      },
      { correlationId: `test-${orderId}` },
    );
    await bed.publish(failed);
    await bed.publish(failed);

    const voided = await waitFor(
      () => bed.eventsFor(Topics.InvoiceVoided, orderId)[0],
      { timeoutMs: 30_000, description: 'InvoiceVoided' },
    );
    expect(voided.value).toMatchObject({
      correlationId: `test-${orderId}`,
      payload: { invoiceId: reply.data.invoiceId, invoiceNumber: reply.data.invoiceNumber, reason: 'card_declined: Your card was declined.' },
    });
    const [row] = await bed.invoicesFor(orderId);
    expect(row).toMatchObject({ status: 'voided', number: reply.data.invoiceNumber, void_reason: 'card_declined: Your card was declined.' });
    expect(row.voided_at).toBeInstanceOf(Date);

    // A second, distinct PaymentFailed for the same order leaves the voided invoice alone.
    const later = createEvent(Topics.PaymentFailed, failed.payload, { correlationId: failed.correlationId });
    await bed.publish(later);
    await bed.handled(later, { description: 'second PaymentFailed handled' });
    expect(bed.eventsFor(Topics.InvoiceVoided, orderId)).toHaveLength(1);
  });
});
