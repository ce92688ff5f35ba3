import {
  createEvent,
  type InvoiceCreatedPayload,
  type OrderCancelledPayload,
  type PaymentProcessedPayload,
  Topics,
  type TypedEvent,
} from '@order-platform/contracts';
import { randomUUID } from 'node:crypto';

export const ADDRESS = 'Allée des techniques avancées, 91120 Palaiseau, France';

/** Noa Levi's order of two large Margherita (16.20 EUR), delivered to ADDRESS, unless `overrides` say otherwise. */
export function invoiceCreated(orderId: string, overrides: Partial<InvoiceCreatedPayload> = {}): TypedEvent<'InvoiceCreated'> {
  return createEvent(
    Topics.InvoiceCreated,
    {
      orderId,
      invoiceId: randomUUID(),
      invoiceNumber: 'INV-2026-000001',
      customerId: '5',
      currency: 'EUR',
      lines: [{ description: 'Pizza Margherita (large)', productId: '1', quantity: 2, unitPriceMinor: 810, taxMinor: 292, totalMinor: 1620 }],
      subtotalMinor: 1328,
      taxMinor: 292,
      totalMinor: 1620,
      issuedAt: new Date().toISOString(),
      customerName: 'Noa Levi',
      customerPhone: '0605040302',
      shippingAddress: ADDRESS,
      ...overrides,
    },
    { correlationId: `test-${orderId}` },
  );
}

/** The card payment of that order. */
export function paymentProcessed(orderId: string, overrides: Partial<PaymentProcessedPayload> = {}): TypedEvent<'PaymentProcessed'> {
  return createEvent(
    Topics.PaymentProcessed,
    { orderId, paymentId: randomUUID(), amountMinor: 1620, currency: 'EUR', method: 'card', provider: 'sandbox', processedAt: new Date().toISOString(), ...overrides },
    { correlationId: `test-${orderId}` },
  );
}

/** The restaurant accepts the order. */
export function orderConfirmed(orderId: string): TypedEvent<'OrderConfirmed'> {
  return createEvent(
    Topics.OrderConfirmed,
    { orderId, customerId: '5', totalMinor: 1620, currency: 'EUR', confirmedAt: new Date().toISOString() },
    { correlationId: `restaurant-${orderId}` },
  );
}

export function orderCancelled(orderId: string, payload: Pick<OrderCancelledPayload, 'reason' | 'cancelledBy'>, correlationPrefix = 'test'): TypedEvent<'OrderCancelled'> {
  return createEvent(
    Topics.OrderCancelled,
    { orderId, refundRequired: true, cancelledAt: new Date().toISOString(), ...payload },
    { correlationId: `${correlationPrefix}-${orderId}` },
  );
}

/** The group order's delivery round starts with these member orders. */
export function roundStarted(deliveryRoundId: string, orderIds: string[]): TypedEvent<'DeliveryRoundStarted'> {
  return createEvent(
    Topics.DeliveryRoundStarted,
    {
      groupOrderId: deliveryRoundId,
      restaurantId: '6',
      currency: 'EUR',
      deliveryRoundId,
      members: orderIds.map((orderId, index) => ({ memberOrderId: String(100 + index), orderId })),
      startedAt: new Date().toISOString(),
    },
    { correlationId: `group-${deliveryRoundId}` },
  );
}

/** The create-shipment request the gateway sends for that order. */
export function shipmentRequest(orderId: string) {
  return { orderId, name: 'Noa Levi', phone: '0605040302', shippingAddress: ADDRESS };
}
