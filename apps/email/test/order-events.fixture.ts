import { createEvent, type TypedEvent } from '@order-platform/contracts';
import { randomUUID } from 'node:crypto';

/** Fresh checkout events for one order (new ids every call, so tests never collide). */
export function checkoutEvents(orderId: string, email: string) {
  const correlation = { correlationId: `test-${orderId}` };
  const cartUpdated: TypedEvent<'CartUpdated'> = createEvent(
    'CartUpdated',
    {
      orderId,
      customerId: '8080',
      currency: 'USD',
      items: [{ productId: '1234', quantity: 2, unitPriceMinor: 5000, lineTotalMinor: 10000 }],
      subtotalMinor: 8197,
      taxMinor: 1803,
      totalMinor: 10000,
      customer: { customerId: '8080', name: 'Lital Hay', email, phone: '0545870006', shippingAddress: '17 boulevard, 123 apt 6 Brooklyn NY' },
    },
    correlation,
  );
  const invoiceCreated: TypedEvent<'InvoiceCreated'> = createEvent(
    'InvoiceCreated',
    {
      orderId,
      invoiceId: randomUUID(),
      invoiceNumber: 'INV-2026-000042',
      customerId: '8080',
      currency: 'USD',
      lines: [{ description: 'Demo product 1234', productId: '1234', quantity: 2, unitPriceMinor: 5000, taxMinor: 1803, totalMinor: 10000 }],
      subtotalMinor: 8197,
      taxMinor: 1803,
      totalMinor: 10000,
      issuedAt: new Date().toISOString(),
    },
    correlation,
  );
  const paymentProcessed: TypedEvent<'PaymentProcessed'> = createEvent(
    'PaymentProcessed',
    { orderId, paymentId: randomUUID(), amountMinor: 10000, currency: 'USD', method: 'card', provider: 'sandbox', processedAt: new Date().toISOString() },
    correlation,
  );
  const orderShipped: TypedEvent<'OrderShipped'> = createEvent(
    'OrderShipped',
    { orderId, shipmentId: randomUUID(), carrier: 'local', trackingNumber: '12345674', shippedAt: new Date().toISOString(), shippingAddress: '17 boulevard' },
    correlation,
  );
  return { cartUpdated, invoiceCreated, paymentProcessed, orderShipped };
}
