import type { InvoiceCreatedPayload } from '@order-platform/contracts';
import { destinationOfInvoice } from '../destination-of-invoice';

const invoice = (extra: Partial<InvoiceCreatedPayload>): InvoiceCreatedPayload => ({
  orderId: '456',
  invoiceId: '789',
  invoiceNumber: 'INV-2026-000001',
  customerId: '8080',
  currency: 'USD',
  lines: [],
  subtotalMinor: 16400,
  taxMinor: 3600,
  totalMinor: 20000,
  issuedAt: '2026-11-22T10:00:00.000Z',
  ...extra,
});

describe('destinationOfInvoice', () => {
  it('takes the one-line address, name and phone the invoice carries', () => {
    expect(destinationOfInvoice(invoice({ customerName: 'Lital Hay', customerPhone: '0545870006', shippingAddress: '17 boulevard, 123 apt 6 Brooklyn NY' }))).toEqual({
      orderId: '456',
      recipientName: 'Lital Hay',
      phone: '0545870006',
      address: '17 boulevard, 123 apt 6 Brooklyn NY',
      source: 'invoice',
    });
  });

  it('falls back to the postal address on one line', () => {
    const destination = destinationOfInvoice(
      invoice({ deliveryAddress: { name: 'Ada', street: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US', phone: '555' } }),
    );
    expect(destination).toMatchObject({ recipientName: 'Ada', phone: '555', address: '1 Main St, 12345 Springfield, US' });
  });

  it('keeps that the order waits for the merchant to accept it, and only then', () => {
    expect(destinationOfInvoice(invoice({ shippingAddress: '17 boulevard', awaitsMerchantConfirmation: true }))).toMatchObject({ awaitsMerchantConfirmation: true });
    expect(destinationOfInvoice(invoice({ shippingAddress: '17 boulevard' }))).not.toHaveProperty('awaitsMerchantConfirmation');
  });

  it('is undefined without any address', () => {
    expect(destinationOfInvoice(invoice({ customerName: 'Lital Hay' }))).toBeUndefined();
  });
});
