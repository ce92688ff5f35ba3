import { createEvent, type OrderCancelledPayload, Topics, type TypedEvent } from '@order-platform/contracts';
import { waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { recordPayableInvoice } from '../src/invoices/record-payable-invoice';
import { type ChargeResult, TransientPaymentError } from '../src/providers';
import * as events from './support/payment-events';
import { PaymentTestBed } from './support/payment-test-bed';

const invoiceCreated = (orderId: string, customerId: string) => events.invoiceCreated(customerId, { orderId }, 'checkout');
// Its own correlation id, unlike the invoice's: the refund must carry the cancellation's trace.
const orderCancelled = (orderId: string, overrides: Partial<OrderCancelledPayload> = {}) => events.orderCancelled(orderId, overrides, 'cancel');

/**
 * OrderCancelled arriving while the order's charge is still `attempting` (provider slow, or its
 * answer lost): the cancellation is recorded and handled at once, and the charge's settle step
 * refunds the charge when it is captured.
 */
describe('payment: an order cancelled while its charge is settling (real PostgreSQL + Kafka-protocol broker + sandbox provider)', () => {
  let bed: PaymentTestBed;

  beforeAll(async () => {
    bed = await PaymentTestBed.start({ topics: [Topics.PaymentRefunded, `${Topics.OrderCancelled}.dlq`, `${Topics.InvoiceCreated}.dlq`] });
  }, 90_000);

  afterAll(() => bed?.stop(), 60_000);

  afterEach(() => {
    bed.sandbox.clearFaults();
    jest.restoreAllMocks();
  });

  const refundedOnTopic = (orderId: string) => bed.eventsFor(Topics.PaymentRefunded, orderId);
  const deadLettered = (topic: string, orderId: string) => bed.eventsFor(`${topic}.dlq`, orderId);

  /** The provider captures the charge but its answer is lost: the charge row stays `attempting`. */
  async function attemptingCharge(customerId = '8080'): Promise<TypedEvent<'InvoiceCreated'>> {
    const invoice = invoiceCreated(randomUUID(), customerId);
    await recordPayableInvoice(bed.dataSource(), invoice);
    bed.sandbox.injectTransientFaults({ times: 1, phase: 'after', operation: 'charge' });
    await expect(bed.charges().chargeInvoice(invoice.payload.invoiceId)).rejects.toBeInstanceOf(TransientPaymentError);
    expect(await bed.chargesFor(invoice.payload.invoiceId)).toEqual([expect.objectContaining({ status: 'attempting' })]);
    return invoice;
  }

  it('OrderCancelled meeting an attempting charge is handled at once (no retries, no DLQ); the charge is refunded once when captured; redelivery changes nothing', async () => {
    const invoice = await attemptingCharge();
    const { orderId, invoiceId } = invoice.payload;
    expect(await bed.providerChargesFor(invoiceId)).toEqual([expect.objectContaining({ amountMinor: 2400, refundedMinor: 0 })]);

    const cancelled = orderCancelled(orderId);
    await bed.publish(cancelled);
    // The inbox receipt is written only when the handler succeeds: a dead-lettered event has none.
    await bed.handled(cancelled);
    expect(await bed.cancellationOf(orderId)).toMatchObject({ cancellation_event_id: cancelled.id, correlation_id: cancelled.correlationId, reason: 'Kitchen closed' });
    expect(await bed.refundsFor(orderId)).toHaveLength(0);
    expect(await bed.chargesFor(invoiceId)).toEqual([expect.objectContaining({ status: 'attempting' })]);

    // The invoice is redelivered (as after a restart): the charge settles as captured and is refunded.
    await bed.publish(invoice);
    const refunded = await waitFor(() => refundedOnTopic(orderId)[0], { timeoutMs: 30_000, description: 'PaymentRefunded' });
    const [charge] = await bed.chargesFor(invoiceId);
    expect(charge).toMatchObject({ status: 'succeeded' });
    expect(refunded.value).toMatchObject({
      correlationId: cancelled.correlationId,
      payload: { orderId, paymentId: charge.transaction_id, amountMinor: 2400, currency: 'USD', reason: 'Kitchen closed' },
    });
    expect(await bed.refundsFor(orderId)).toEqual([
      expect.objectContaining({
        status: 'succeeded',
        charge_transaction_id: charge.transaction_id,
        idempotency_key: `refund:${charge.transaction_id}`,
        amount_minor: '2400',
        cancellation_event_id: cancelled.id,
      }),
    ]);
    expect(await bed.providerChargesFor(invoiceId)).toEqual([expect.objectContaining({ amountMinor: 2400, refundedMinor: 2400 })]);

    // Redelivery of the cancellation (same id, and a second cancellation of the order) and of the invoice.
    expect(await bed.refunds().onOrderCancelled(cancelled)).toBe('duplicate');
    await bed.publish(cancelled);
    await bed.publish(invoice);
    const again = orderCancelled(orderId, { reason: 'Cancelled again', cancelledBy: 'operator' });
    const invoiceAgain = createEvent(Topics.InvoiceCreated, invoice.payload, { correlationId: invoice.correlationId });
    await bed.publish(again);
    await bed.publish(invoiceAgain);
    await bed.handled(again);
    await bed.handled(invoiceAgain);

    expect(await bed.refundsFor(orderId)).toHaveLength(1);
    expect(await bed.providerChargesFor(invoiceId)).toEqual([expect.objectContaining({ refundedMinor: 2400 })]);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed, Topics.PaymentRefunded]);
    expect(refundedOnTopic(orderId)).toHaveLength(1);
    expect(deadLettered(Topics.OrderCancelled, orderId)).toEqual([]);
    expect(deadLettered(Topics.InvoiceCreated, orderId)).toEqual([]);
  }, 90_000);

  it('a cancellation handled while the provider is still answering does not wait for it, and the settle step refunds the captured charge', async () => {
    const invoice = invoiceCreated(randomUUID(), '8080');
    const { orderId, invoiceId } = invoice.payload;
    await recordPayableInvoice(bed.dataSource(), invoice);

    // A slow provider: it has captured the money but holds its answer until released.
    let release: () => void = () => undefined;
    const answerHeld = new Promise<void>((resolve) => (release = resolve));
    let inProviderCall = false;
    const charge = bed.sandbox.charge.bind(bed.sandbox);
    jest.spyOn(bed.sandbox, 'charge').mockImplementation(async (request): Promise<ChargeResult> => {
      const result = await charge(request);
      inProviderCall = true;
      await answerHeld;
      return result;
    });

    const charging = bed.charges().chargeInvoice(invoiceId);
    try {
      await waitFor(() => inProviderCall, { timeoutMs: 10_000, description: 'the settle step inside the provider call' });
      const cancelled = orderCancelled(orderId);
      const outcome = await Promise.race([
        bed.refunds().onOrderCancelled(cancelled),
        new Promise((resolve) => setTimeout(() => resolve('still waiting on the charge'), 5_000)),
      ]);
      expect(outcome).toBe('refund_on_settle');
      expect(await bed.cancellationOf(orderId)).toMatchObject({ cancellation_event_id: cancelled.id });
      expect(await bed.refundsFor(orderId)).toHaveLength(0);
    } finally {
      release();
    }

    const settled = await charging;
    expect(settled).toMatchObject({ status: 'succeeded' });
    expect(await bed.refundsFor(orderId)).toEqual([expect.objectContaining({ status: 'succeeded', idempotency_key: `refund:${settled.transactionId}` })]);
    expect(await bed.providerChargesFor(invoiceId)).toEqual([expect.objectContaining({ amountMinor: 2400, refundedMinor: 2400 })]);
    const outbox = await bed.outboxFor(orderId);
    expect(outbox.map((r) => r.topic)).toEqual([Topics.PaymentProcessed, Topics.PaymentRefunded]);
    expect(outbox[1].payload).toMatchObject({ correlationId: `cancel-${orderId}`, payload: { paymentId: String(settled.transactionId), amountMinor: 2400 } });

    // The charge is final: a second caller gets it and refunds nothing more.
    expect(await bed.charges().chargeInvoice(invoiceId)).toMatchObject({ status: 'succeeded', transactionId: settled.transactionId });
    expect(await bed.refundsFor(orderId)).toHaveLength(1);
  });

  it('a refund answer lost inside the settle step rolls it back whole; the retry refunds once with the same key', async () => {
    const invoice = await attemptingCharge();
    const { orderId, invoiceId } = invoice.payload;
    expect(await bed.refunds().onOrderCancelled(orderCancelled(orderId))).toBe('refund_on_settle');

    // The provider refunds, then the answer is lost: as if the process died before the commit.
    bed.sandbox.injectTransientFaults({ times: 1, phase: 'after', operation: 'refund' });
    await expect(bed.charges().chargeInvoice(invoiceId)).rejects.toBeInstanceOf(TransientPaymentError);
    expect(await bed.chargesFor(invoiceId)).toEqual([expect.objectContaining({ status: 'attempting' })]);
    expect(await bed.refundsFor(orderId)).toHaveLength(0);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([]);
    expect(await bed.providerChargesFor(invoiceId)).toEqual([expect.objectContaining({ refundedMinor: 2400 })]);

    // A new key would have been refused ('already_refunded') and recorded as a failed refund.
    const settled = await bed.charges().chargeInvoice(invoiceId);
    expect(settled).toMatchObject({ status: 'succeeded' });
    expect(await bed.refundsFor(orderId)).toEqual([expect.objectContaining({ status: 'succeeded', idempotency_key: `refund:${settled.transactionId}` })]);
    expect(await bed.providerChargesFor(invoiceId)).toHaveLength(1);
    expect((await bed.providerChargesFor(invoiceId))[0]).toMatchObject({ refundedMinor: 2400 });
    expect(await bed.outboxTopicsFor(orderId)).toEqual([Topics.PaymentProcessed, Topics.PaymentRefunded]);
  });

  it('a charge that settles as declined after the cancellation refunds nothing', async () => {
    const invoice = await attemptingCharge('8081');
    const { orderId, invoiceId } = invoice.payload;
    expect(await bed.refunds().onOrderCancelled(orderCancelled(orderId))).toBe('refund_on_settle');

    expect(await bed.charges().chargeInvoice(invoiceId)).toMatchObject({ status: 'declined', declineCode: 'card_declined' });
    expect(await bed.refundsFor(orderId)).toHaveLength(0);
    expect(await bed.outboxTopicsFor(orderId)).toEqual([Topics.PaymentFailed]);
  });
});
