import { createEvent, Topics, type TypedEvent } from '@order-platform/contracts';
import { randomUUID } from 'node:crypto';

/** The checkout events of one order, each stamped `minute` minutes after a fixed start. */
export function checkoutEvents(orderId: string) {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 10, minute)).toISOString();
  const correlationId = `test-${orderId}`;
  const invoiceId = randomUUID();
  const paymentId = randomUUID();
  return {
    cartUpdated: createEvent(
      Topics.CartUpdated,
      {
        orderId,
        customerId: '8080',
        currency: 'USD',
        items: [{ productId: '1234', quantity: 2, unitPriceMinor: 5000, lineTotalMinor: 10000 }],
        subtotalMinor: 8197,
        taxMinor: 1803,
        totalMinor: 10000,
      },
      { correlationId, occurredAt: at(0) },
    ),
    invoiceCreated: createEvent(
      Topics.InvoiceCreated,
      {
        orderId,
        invoiceId,
        invoiceNumber: '2026-000001',
        customerId: '8080',
        currency: 'USD',
        lines: [{ description: 'Product 1234', productId: '1234', quantity: 2, unitPriceMinor: 5000, taxMinor: 1803, totalMinor: 10000 }],
        subtotalMinor: 8197,
        taxMinor: 1803,
        totalMinor: 10000,
        issuedAt: at(1),
      },
      { correlationId, occurredAt: at(1) },
    ),
    paymentProcessed: createEvent(
      Topics.PaymentProcessed,
      { orderId, paymentId, invoiceId, amountMinor: 10000, currency: 'USD', method: 'card', provider: 'sandbox', processedAt: at(2) },
      { correlationId, occurredAt: at(2) },
    ),
    paymentFailed: createEvent(
      Topics.PaymentFailed,
      {
        orderId,
        paymentId,
        invoiceId,
        amountMinor: 10000,
        currency: 'USD',
        reasonCode: 'card_declined',
        reason: 'Your card was declined.',
        retryable: false,
        failedAt: at(2),
      },
      { correlationId, occurredAt: at(2) },
    ),
    orderShipped: createEvent(
      Topics.OrderShipped,
      { orderId, shipmentId: randomUUID(), carrier: 'local', trackingNumber: '12345678', shippedAt: at(3) },
      { correlationId, occurredAt: at(3) },
    ),
  } satisfies Record<string, TypedEvent>;
}
