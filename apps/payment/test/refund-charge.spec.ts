import { type InvoiceCreatedPayload, Topics, type TypedEvent } from '@order-platform/contracts';
import { waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { invoiceCreated as invoiceFor, orderCancelled } from './support/payment-events';
import { PaymentTestBed } from './support/payment-test-bed';

const invoiceCreated = (customerId: string, overrides: Partial<InvoiceCreatedPayload> = {}) => invoiceFor(customerId, { customerName: 'Noa Levi', ...overrides });

describe('payment: refunding cancelled orders (real PostgreSQL + Kafka-protocol broker + sandbox provider)', () => {
  let bed: PaymentTestBed;

  beforeAll(async () => {
    bed = await PaymentTestBed.start({ topics: [Topics.PaymentProcessed, Topics.PaymentFailed, Topics.PaymentRefunded, `${Topics.OrderCancelled}.dlq`] });
  }, 90_000);

  afterAll(() => bed?.stop(), 60_000);

  afterEach(() => bed.sandbox.clearFaults());

  const providerChargeOf = async (invoiceId: string) => (await bed.providerChargesFor(invoiceId))[0];

  async function settled(customerId: string, overrides: Partial<InvoiceCreatedPayload> = {}): Promise<TypedEvent<'InvoiceCreated'>> {
    const invoice = invoiceCreated(customerId, overrides);
    await bed.publish(invoice);
    await waitFor(() => bed.eventsFor(Topics.PaymentProcessed, invoice.orderId)[0] ?? bed.eventsFor(Topics.PaymentFailed, invoice.orderId)[0], {
      timeoutMs: 30_000,
      description: 'payment outcome',
    });
    return invoice;
  }

  it('customer 5 card order cancelled -> refunded once through the provider, one PaymentRefunded, also when redelivered', async () => {
    const invoice = await settled('5');
    const processed = bed.eventsFor(Topics.PaymentProcessed, invoice.orderId)[0]?.value as { payload: { transactionId: number; method: string } } | undefined;
    expect(processed?.payload.method).toBe('card');

    const cancelled = orderCancelled(invoice.orderId);
    await bed.publish(cancelled);
    const refunded = await waitFor(() => bed.eventsFor(Topics.PaymentRefunded, invoice.orderId)[0], { timeoutMs: 30_000, description: 'PaymentRefunded' });
    expect(refunded.value).toMatchObject({
      correlationId: cancelled.correlationId,
      payload: { orderId: invoice.orderId, paymentId: String(processed?.payload.transactionId), amountMinor: 2400, currency: 'USD', reason: 'Kitchen closed' },
    });

    // Redelivery of the same event and a second cancellation of the order: no second refund.
    await bed.publish(cancelled);
    const again = orderCancelled(invoice.orderId, { reason: 'Cancelled again' });
    await bed.publish(again);
    await bed.handled(again);

    const refunds = await bed.refundsFor(invoice.orderId);
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({
      status: 'succeeded',
      idempotency_key: `refund:${processed?.payload.transactionId}`,
      amount_minor: '2400',
      reason: 'Kitchen closed',
      cancellation_event_id: cancelled.id,
    });
    expect(await providerChargeOf(invoice.payload.invoiceId)).toMatchObject({ amountMinor: 2400, refundedMinor: 2400 });
    expect(bed.eventsFor(Topics.PaymentRefunded, invoice.orderId)).toHaveLength(1);
  });

  it('a lost provider answer is retried with the same key and refunds once', async () => {
    const invoice = await settled('6');
    bed.sandbox.injectTransientFaults({ times: 2, phase: 'after', operation: 'refund' });
    await bed.publish(orderCancelled(invoice.orderId));
    await waitFor(() => bed.eventsFor(Topics.PaymentRefunded, invoice.orderId)[0], { timeoutMs: 40_000, description: 'PaymentRefunded after retries' });

    // A second key would have been answered 'already_refunded' and recorded as failed.
    expect(await bed.refundsFor(invoice.orderId)).toEqual([expect.objectContaining({ status: 'succeeded' })]);
    expect(await providerChargeOf(invoice.payload.invoiceId)).toMatchObject({ refundedMinor: 2400 });
    expect(bed.eventsFor(Topics.PaymentRefunded, invoice.orderId)).toHaveLength(1);
  });

  it('cash orders settle as method cash without a provider call and are never refunded', async () => {
    const invoice = await settled('5', { paymentTerms: 'cash' });
    expect(bed.eventsFor(Topics.PaymentProcessed, invoice.orderId)[0]?.value).toMatchObject({ payload: { method: 'cash', provider: 'cash', card: null, amountMinor: 2400 } });
    expect(await providerChargeOf(invoice.payload.invoiceId)).toBeUndefined();

    const cancelled = orderCancelled(invoice.orderId);
    await bed.publish(cancelled);
    await bed.handled(cancelled);
    expect(await bed.refundsFor(invoice.orderId)).toHaveLength(0);
    expect(bed.eventsFor(Topics.PaymentRefunded, invoice.orderId)).toHaveLength(0);
  });

  it('a declined charge or an order payment never charged has nothing to refund', async () => {
    const declined = await settled('8081');
    expect(bed.eventsFor(Topics.PaymentFailed, declined.orderId)).toHaveLength(1);
    const afterDecline = orderCancelled(declined.orderId, { refundRequired: false, cancelledBy: 'system' });
    const unknownOrder = orderCancelled(randomUUID());
    await bed.publish(afterDecline);
    await bed.publish(unknownOrder);
    await bed.handled(afterDecline);
    await bed.handled(unknownOrder);
    expect(await bed.refundsFor(declined.orderId)).toHaveLength(0);
    expect(await bed.refundsFor(unknownOrder.orderId)).toHaveLength(0);
  });

  it('a provider that keeps failing transiently -> retried, then the cancellation is dead-lettered and nothing is refunded', async () => {
    const invoice = await settled('5');
    bed.sandbox.injectTransientFaults({ times: 100, phase: 'before', operation: 'refund' });
    const cancelled = orderCancelled(invoice.orderId);
    await bed.publish(cancelled);
    const dead = await waitFor(() => bed.received(`${Topics.OrderCancelled}.dlq`).find((m) => (m.value as { id?: string }).id === cancelled.id), {
      timeoutMs: 60_000,
      description: 'OrderCancelled in the DLQ',
    });
    expect(dead.value).toMatchObject({ id: cancelled.id, payload: { orderId: invoice.orderId } });
    expect(await bed.refundsFor(invoice.orderId)).toHaveLength(0);
    expect(await providerChargeOf(invoice.payload.invoiceId)).toMatchObject({ refundedMinor: 0 });
    expect(bed.eventsFor(Topics.PaymentRefunded, invoice.orderId)).toHaveLength(0);
  }, 90_000);
});
