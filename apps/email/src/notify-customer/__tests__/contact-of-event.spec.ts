import { createEvent } from '@order-platform/contracts';
import { contactOfEvent } from '../contact-of-event';

const base = { orderId: 'o-1', customerId: '8080', currency: 'USD', subtotalMinor: 8197, taxMinor: 1803, totalMinor: 10000 };

describe('contactOfEvent', () => {
  it('prefers the customer snapshot of CartUpdated', () => {
    const event = createEvent(
      'CartUpdated',
      { ...base, items: [{ productId: '1', quantity: 1, unitPriceMinor: 10000 }], customerEmail: 'old@example.com', customer: { customerId: '8080', name: ' Lital Hay ', email: 'lital@example.com' } },
      { correlationId: 'c' },
    );
    expect(contactOfEvent(event)).toEqual({ email: 'lital@example.com', name: 'Lital Hay' });
  });

  it('reads the contact fields of InvoiceCreated and nothing from other events', () => {
    const invoice = createEvent(
      'InvoiceCreated',
      { ...base, invoiceId: 'i', invoiceNumber: 'n', lines: [], issuedAt: '2026-11-22T10:00:00Z', customerEmail: 'a@example.com', customerPhone: '0545870006' },
      { correlationId: 'c' },
    );
    expect(contactOfEvent(invoice)).toEqual({ email: 'a@example.com', phone: '0545870006' });
    const shipped = createEvent('OrderShipped', { orderId: 'o-1', shipmentId: 's', carrier: 'local', trackingNumber: '1', shippedAt: '2026-11-22T10:00:00Z' }, { correlationId: 'c' });
    expect(contactOfEvent(shipped)).toEqual({});
  });
});
