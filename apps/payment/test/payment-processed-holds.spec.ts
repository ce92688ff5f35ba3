import { type InvoiceCreatedPayload, Topics, type TypedEvent } from '@order-platform/contracts';
import { waitFor } from '@order-platform/testing';
import * as events from './support/payment-events';
import { PaymentTestBed } from './support/payment-test-bed';

// Two large Margherita at 8.10 EUR.
const invoiceCreated = (customerId: string, overrides: Partial<InvoiceCreatedPayload> = {}) =>
  events.invoiceCreated(customerId, {
    currency: 'EUR',
    lines: [{ description: 'Pizza Margherita (large)', productId: '1', quantity: 2, unitPriceMinor: 810, taxMinor: 292, totalMinor: 1620 }],
    subtotalMinor: 1328,
    taxMinor: 292,
    totalMinor: 1620,
    ...overrides,
  });

/**
 * Shipment may handle PaymentProcessed before InvoiceCreated (two topics), so the payment
 * carries the invoice's shipping holds.
 */
describe('payment: PaymentProcessed carries the invoice shipping holds (real PostgreSQL + Kafka-protocol broker)', () => {
  let bed: PaymentTestBed;

  beforeAll(async () => {
    bed = await PaymentTestBed.start({ database: 'payment_holds', topics: [Topics.PaymentProcessed] });
  }, 90_000);

  afterAll(() => bed?.stop(), 60_000);

  async function paymentOf(event: TypedEvent<'InvoiceCreated'>): Promise<TypedEvent<'PaymentProcessed'>> {
    await bed.publish(event);
    const message = await waitFor(() => bed.eventsFor(Topics.PaymentProcessed, event.orderId)[0], {
      timeoutMs: 30_000,
      description: `PaymentProcessed for ${event.orderId}`,
    });
    return message.value as TypedEvent<'PaymentProcessed'>;
  }

  it('a card payment (provider call) carries awaitsMerchantConfirmation and the delivery round', async () => {
    const invoice = invoiceCreated('8080', { awaitsMerchantConfirmation: true, deliveryRoundId: '1765100000' });
    const processed = await paymentOf(invoice);
    expect(processed).toMatchObject({
      correlationId: invoice.correlationId,
      payload: { orderId: invoice.orderId, method: 'card', awaitsMerchantConfirmation: true, deliveryRoundId: '1765100000' },
    });
    const rows = await bed.sql.rows(`SELECT delivery_round_id, awaits_merchant_confirmation FROM $schema.payable_invoices WHERE invoice_id = $1`, [
      invoice.payload.invoiceId,
    ]);
    expect(rows).toEqual([{ delivery_round_id: '1765100000', awaits_merchant_confirmation: true }]);
  });

  it('a cash order (settled without a provider call) carries the holds too', async () => {
    const invoice = invoiceCreated('5', { paymentTerms: 'cash', awaitsMerchantConfirmation: true });
    const processed = await paymentOf(invoice);
    expect(processed.payload).toMatchObject({ method: 'cash', awaitsMerchantConfirmation: true });
    expect(processed.payload).not.toHaveProperty('deliveryRoundId');
  });

  it('an invoice without holds gives a PaymentProcessed without the fields, as before', async () => {
    const invoice = invoiceCreated('8080');
    const processed = await paymentOf(invoice);
    expect(processed.payload).toMatchObject({ orderId: invoice.orderId, method: 'card' });
    expect(processed.payload).not.toHaveProperty('awaitsMerchantConfirmation');
    expect(processed.payload).not.toHaveProperty('deliveryRoundId');
  });
});
