import { type CartUpdatedPayload, createEvent, type OrderCancelledPayload, Topics, type TypedEvent } from '@order-platform/contracts';

/** Noa Levi submits two Margherita (24.00 USD), unless `overrides` say otherwise. */
export function cartUpdated(orderId: string, overrides: Partial<CartUpdatedPayload> = {}): TypedEvent<'CartUpdated'> {
  return createEvent(
    Topics.CartUpdated,
    {
      orderId,
      customerId: '5',
      customer: { customerId: '5', name: 'Noa Levi', email: 'noa@example.com', phone: '0541111111', shippingAddress: '5 Herzl St, Tel Aviv' },
      currency: 'USD',
      items: [{ productId: 'margherita', quantity: 2, unitPriceMinor: 1200, lineTotalMinor: 2400 }],
      subtotalMinor: 1967,
      taxMinor: 433,
      totalMinor: 2400,
      ...overrides,
    },
    { correlationId: `test-${orderId}` },
  );
}

/** The merchant cancels the order (kitchen closed) and a refund is due, unless `overrides` say otherwise. */
export function orderCancelled(orderId: string, overrides: Partial<OrderCancelledPayload> = {}): TypedEvent<'OrderCancelled'> {
  return createEvent(
    Topics.OrderCancelled,
    { orderId, reason: 'Kitchen closed', cancelledBy: 'merchant', refundRequired: true, cancelledAt: new Date().toISOString(), ...overrides },
    { correlationId: `test-${orderId}` },
  );
}
