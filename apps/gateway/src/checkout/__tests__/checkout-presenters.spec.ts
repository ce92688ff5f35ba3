import { toIssueInvoiceCommand, toInvoiceView } from '../issue-invoice/invoice.presenter';
import { toOrderStatusView } from '../order-status/order-status.presenter';
import { toPaymentView, toProcessPaymentCommand } from '../process-payment/payment.presenter';
import { PAYMENT_EXAMPLE } from '../process-payment/payment.view';
import { toCreateShipmentCommand, toShipmentView } from '../create-shipment/shipment.presenter';

describe('checkout presenters', () => {
  it('turns the invoice request into minor units without float arithmetic', () => {
    const command = toIssueInvoiceCommand({
      customerId: '8080',
      orderId: '456',
      tax: 36.0,
      subTotalAmount: 164.0,
      totalAmount: 200.0,
      currency: 'USD',
      items: [{ productId: '1234', quantity: 2, price: 0.29 }],
      name: 'Lital Hay',
      phone: '0545870006',
      shipping_address: '17 boulevard, 123 apt 6 Brooklyn NY',
    });
    expect(command).toEqual({
      orderId: '456',
      customerId: '8080',
      currency: 'USD',
      subtotalMinor: 16400,
      taxMinor: 3600,
      totalMinor: 20000,
      items: [{ productId: '1234', quantity: 2, unitPriceMinor: 29 }],
      name: 'Lital Hay',
      phone: '0545870006',
      shippingAddress: '17 boulevard, 123 apt 6 Brooklyn NY',
    });
  });

  it('renders the invoice in the contract shape', () => {
    const view = toInvoiceView({ invoiceId: '789', invoiceNumber: '2026-000001', orderId: '456', customerId: '8080', totalMinor: 20000, currency: 'USD', created: true });
    expect(view).toEqual({ invoiceId: '789', orderId: '456', customerId: '8080', totalAmount: 200.0 });
  });

  it('renders a charge exactly like the contract example', () => {
    expect(toProcessPaymentCommand({ customerId: '8080', invoiceId: '789', totalAmount: 199.95 })).toEqual({
      customerId: '8080',
      invoiceId: '789',
      totalMinor: 19995,
    });
    const view = toPaymentView({
      transactionId: 1071573807,
      status: 'succeeded',
      method: 'card',
      card: { firstName: 'Bob', lastName: 'Norman', first6: '424242', last4: '4242', brand: 'visa', expMonth: 9, expYear: 2024 },
      customerId: '8080',
      invoiceId: '789',
      orderId: '456',
      amountMinor: 20000,
      currency: 'USD',
      createdAt: '2023-10-12T11:05:27.000Z',
      completedAt: '2023-10-12T11:05:27.000Z',
    });
    expect(view).toEqual({
      ...PAYMENT_EXAMPLE,
      payment: { ...PAYMENT_EXAMPLE.payment, created_at: '2023-10-12T11:05:27+00:00', completed_at: '2023-10-12T11:05:27+00:00' },
    });
    expect(JSON.stringify(view)).toContain('"amount":"200.0"');
  });

  it('renders a charge settled on account with no card', () => {
    const view = toPaymentView({
      transactionId: 7,
      status: 'succeeded',
      method: 'account',
      card: null,
      customerId: 'acme',
      invoiceId: 'i',
      orderId: 'o',
      amountMinor: 19950,
      currency: 'USD',
      createdAt: '2026-01-01T00:00:00Z',
      completedAt: '2026-01-01T00:00:01Z',
    });
    expect(view.credit_card).toBeNull();
    expect(view.payment).toMatchObject({ customer_id: 'acme', amount: '199.5', completed_at: '2026-01-01T00:00:01+00:00' });
  });

  it('maps shipping to the command and the tracking number back', () => {
    expect(toCreateShipmentCommand({ orderId: '456', name: 'Lital Hay', phone: '0545870006', shipping_address: '17 boulevard' })).toEqual({
      orderId: '456',
      name: 'Lital Hay',
      phone: '0545870006',
      shippingAddress: '17 boulevard',
    });
    expect(toShipmentView({ trackingNumber: 12345678, orderId: '456', status: 'shipped', carrier: 'local', created: true })).toEqual({ tracking_number: 12345678 });
  });

  it('renders the order status with offset times and the reason only when cancelled', () => {
    const timeline = [{ step: 'CartUpdated', at: '2026-01-15T10:00:00.000Z', eventId: 'e1', details: { totalMinor: 100 } }];
    expect(toOrderStatusView({ orderId: '456', status: 'pending', timeline })).toEqual({
      orderId: '456',
      status: 'pending',
      timeline: [{ step: 'CartUpdated', at: '2026-01-15T10:00:00+00:00', eventId: 'e1', details: { totalMinor: 100 } }],
    });
    expect(toOrderStatusView({ orderId: '456', status: 'cancelled', cancellationReason: 'declined', timeline: [] }).cancellationReason).toBe('declined');
  });
});
