import { createEvent, type TypedEvent } from '@order-platform/contracts';

const ORDER_ID = 'o-1001';
const options = (id: string) => ({ id, correlationId: 'corr-1', occurredAt: '2026-11-20T10:00:00.000Z' });

export const invoiceCreatedEvent: TypedEvent<'InvoiceCreated'> = createEvent(
  'InvoiceCreated',
  {
    orderId: ORDER_ID,
    invoiceId: 'inv-1',
    invoiceNumber: '2026-000123',
    customerId: '8080',
    currency: 'EUR',
    lines: [
      { description: 'Margherita', productId: '1234', quantity: 2, unitPriceMinor: 5000, taxMinor: 1803, totalMinor: 10000 },
      { description: 'Tiramisu <large>', quantity: 1, unitPriceMinor: 999, taxMinor: 180, totalMinor: 999 },
    ],
    subtotalMinor: 9016,
    taxMinor: 1983,
    totalMinor: 10999,
    issuedAt: '2026-11-20T10:00:00.000Z',
    dueAt: '2026-12-04T00:00:00.000Z',
  },
  options('7c1f1e9e-6a55-4a49-9d8e-1b0c6f8f0001'),
);

export const paymentProcessedEvent: TypedEvent<'PaymentProcessed'> = createEvent(
  'PaymentProcessed',
  {
    orderId: ORDER_ID,
    paymentId: 'pay-1',
    invoiceId: 'inv-1',
    amountMinor: 10999,
    currency: 'EUR',
    method: 'card',
    provider: 'sandbox',
    processedAt: '2026-11-20T10:01:00.000Z',
  },
  options('7c1f1e9e-6a55-4a49-9d8e-1b0c6f8f0002'),
);

export const paymentFailedEvent: TypedEvent<'PaymentFailed'> = createEvent(
  'PaymentFailed',
  {
    orderId: ORDER_ID,
    paymentId: 'pay-2',
    amountMinor: 10999,
    currency: 'EUR',
    reasonCode: 'insufficient_funds',
    reason: 'The card has insufficient funds.',
    retryable: true,
    failedAt: '2026-11-20T10:01:00.000Z',
  },
  options('7c1f1e9e-6a55-4a49-9d8e-1b0c6f8f0003'),
);

export const orderShippedEvent: TypedEvent<'OrderShipped'> = createEvent(
  'OrderShipped',
  {
    orderId: ORDER_ID,
    shipmentId: 'shp-1',
    carrier: 'DHL',
    trackingNumber: 'JJD000390007827',
    shippedAt: '2026-11-21T08:30:00.000Z',
    estimatedDeliveryAt: '2026-11-23T18:00:00.000Z',
  },
  options('7c1f1e9e-6a55-4a49-9d8e-1b0c6f8f0004'),
);

export const orderCancelledEvent: TypedEvent<'OrderCancelled'> = createEvent(
  'OrderCancelled',
  {
    orderId: ORDER_ID,
    reason: 'Payment failed: insufficient funds.',
    cancelledBy: 'system',
    refundRequired: false,
    cancelledAt: '2026-11-20T10:05:00.000Z',
  },
  options('7c1f1e9e-6a55-4a49-9d8e-1b0c6f8f0005'),
);

export const cartUpdatedEvent: TypedEvent<'CartUpdated'> = createEvent(
  'CartUpdated',
  {
    orderId: ORDER_ID,
    customerId: '8080',
    customerEmail: 'ada@example.com',
    currency: 'EUR',
    items: [{ productId: '1234', quantity: 2, unitPriceMinor: 5000 }],
    subtotalMinor: 8197,
    taxMinor: 1803,
    totalMinor: 10000,
    deliveryAddress: { name: 'Ada Lovelace', street: '1 Analytical Way', city: 'London', postalCode: 'N1', country: 'GB' },
  },
  options('7c1f1e9e-6a55-4a49-9d8e-1b0c6f8f0006'),
);
