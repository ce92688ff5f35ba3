import { createEvent, type InvoiceCreatedPayload, type OrderCancelledPayload, Topics, type TypedEvent } from '@order-platform/contracts';
import { randomUUID } from 'node:crypto';

/**
 * An invoice of two Margherita (24.00 USD) for a new order, unless `overrides` name the order
 * or other figures. Its correlation id is `<correlationPrefix>-<orderId>`.
 */
export function invoiceCreated(
  customerId: string,
  overrides: Partial<InvoiceCreatedPayload> = {},
  correlationPrefix = 'test',
): TypedEvent<'InvoiceCreated'> {
  const payload: InvoiceCreatedPayload = {
    orderId: randomUUID(),
    invoiceId: randomUUID(),
    invoiceNumber: 'INV-2026-000001',
    customerId,
    currency: 'USD',
    lines: [{ description: 'Margherita', productId: 'margherita', quantity: 2, unitPriceMinor: 1200, taxMinor: 433, totalMinor: 2400 }],
    subtotalMinor: 1967,
    taxMinor: 433,
    totalMinor: 2400,
    issuedAt: new Date().toISOString(),
    customerName: 'Bob Norman',
    ...overrides,
  };
  return createEvent(Topics.InvoiceCreated, payload, { correlationId: `${correlationPrefix}-${payload.orderId}` });
}

/** The merchant cancels the order (kitchen closed) and a refund is due, unless `overrides` say otherwise. */
export function orderCancelled(orderId: string, overrides: Partial<OrderCancelledPayload> = {}, correlationPrefix = 'test'): TypedEvent<'OrderCancelled'> {
  return createEvent(
    Topics.OrderCancelled,
    { orderId, reason: 'Kitchen closed', cancelledBy: 'merchant', refundRequired: true, cancelledAt: new Date().toISOString(), ...overrides },
    { correlationId: `${correlationPrefix}-${orderId}` },
  );
}
