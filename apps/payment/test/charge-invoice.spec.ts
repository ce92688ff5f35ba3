import { createEvent, type InvoiceCreatedPayload, Topics } from '@order-platform/contracts';
import { waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import * as events from './support/payment-events';
import { PaymentTestBed } from './support/payment-test-bed';

// Two of demo product 1234 at 50.00 USD: the figures the assertions below name.
const invoiceCreated = (customerId: string, overrides: Partial<InvoiceCreatedPayload> = {}) =>
  events.invoiceCreated(customerId, {
    lines: [{ description: 'Demo product 1234', productId: '1234', quantity: 2, unitPriceMinor: 5000, taxMinor: 1803, totalMinor: 10000 }],
    subtotalMinor: 16400,
    taxMinor: 3600,
    totalMinor: 20000,
    ...overrides,
  });

describe('payment: charging invoices (real PostgreSQL + Kafka-protocol broker + sandbox provider)', () => {
  let bed: PaymentTestBed;

  beforeAll(async () => {
    bed = await PaymentTestBed.start({ env: { PAYMENT_INVOICE_WAIT_MS: '1500' }, topics: [Topics.PaymentProcessed, Topics.PaymentFailed], commands: true });
  }, 90_000);

  afterAll(() => bed?.stop(), 60_000);

  it('InvoiceCreated for customer 8080 -> exactly one PaymentProcessed with the masked card, also when redelivered', async () => {
    const event = invoiceCreated('8080');
    await bed.publish(event);
    const processed = await waitFor(() => bed.eventsFor(Topics.PaymentProcessed, event.orderId)[0], { timeoutMs: 30_000, description: 'PaymentProcessed' });
    expect(processed.value).toMatchObject({
      correlationId: event.correlationId,
      payload: {
        invoiceId: event.payload.invoiceId,
        customerId: '8080',
        amountMinor: 20000,
        currency: 'USD',
        method: 'card',
        provider: 'sandbox',
        card: { brand: 'visa', first6: '424242', last4: '4242', expMonth: 9, expYear: 2030, holderName: 'Bob Norman' },
      },
    });
    const payload = (processed.value as { payload: { transactionId: number; paymentId: string } }).payload;
    expect(payload.transactionId).toBeGreaterThanOrEqual(1071573807);
    expect(payload.paymentId).toBe(String(payload.transactionId));
    expect(JSON.stringify(processed.value)).not.toContain('4242424242424242');

    // Redelivery, then a marker on the same key: once the marker is in the inbox the duplicate was handled.
    await bed.publish(event);
    const marker = createEvent(Topics.InvoiceCreated, event.payload, { correlationId: event.correlationId });
    await bed.publish(marker);
    await bed.handled(marker, { timeoutMs: 30_000, description: 'marker handled' });

    const charges = await bed.chargesFor(event.payload.invoiceId);
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({ status: 'succeeded', idempotency_key: `charge:${event.payload.invoiceId}`, card_last4: '4242' });
    expect(await bed.providerChargesFor(event.payload.invoiceId)).toHaveLength(1);
    expect(bed.eventsFor(Topics.PaymentProcessed, event.orderId)).toHaveLength(1);
  });

  it.each([
    ['8081', 'card_declined', 'Your card was declined.'],
    ['8082', 'insufficient_funds', 'Your card has insufficient funds.'],
  ])('customer %s: declined card -> PaymentFailed with reason %s, nothing charged', async (customerId, reasonCode, reason) => {
    const event = invoiceCreated(customerId);
    await bed.publish(event);
    const failed = await waitFor(() => bed.eventsFor(Topics.PaymentFailed, event.orderId)[0], { timeoutMs: 30_000, description: 'PaymentFailed' });
    expect(failed.value).toMatchObject({ payload: { invoiceId: event.payload.invoiceId, reasonCode, reason, retryable: false, amountMinor: 20000 } });
    expect(await bed.providerChargesFor(event.payload.invoiceId)).toHaveLength(0);
    expect(await bed.chargesFor(event.payload.invoiceId)).toEqual([expect.objectContaining({ status: 'declined', decline_code: reasonCode })]);

    const reply = await bed.pay({ customerId, invoiceId: event.payload.invoiceId, totalMinor: 20000 }, event.orderId);
    expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ path: 'payment', message: reasonCode }] } });
    expect(bed.eventsFor(Topics.PaymentProcessed, event.orderId)).toHaveLength(0);
  });

  it('command and event racing for the same invoice -> one charge, every caller gets it', async () => {
    const event = invoiceCreated('8080');
    const request = { customerId: '8080', invoiceId: event.payload.invoiceId, totalMinor: 20000 };
    // The commands arrive before the invoice is known and wait for it; the event arrives meanwhile.
    const replies = Promise.all([bed.pay(request, event.orderId), bed.pay(request, event.orderId), bed.pay(request, event.orderId)]);
    await bed.publish(event);
    const answers = await replies;

    for (const answer of answers) expect(answer.ok).toBe(true);
    const ids = new Set(answers.map((a) => (a.ok ? a.data.transactionId : 0)));
    expect(ids.size).toBe(1);
    expect(answers[0]).toMatchObject({
      ok: true,
      data: {
        status: 'succeeded',
        method: 'card',
        customerId: '8080',
        invoiceId: event.payload.invoiceId,
        amountMinor: 20000,
        currency: 'USD',
        card: { firstName: 'Bob', lastName: 'Norman', first6: '424242', last4: '4242', brand: 'visa', expMonth: 9, expYear: 2030 },
      },
    });
    await bed.handled(event, { timeoutMs: 30_000, description: 'event handled' });
    expect(await bed.chargesFor(event.payload.invoiceId)).toHaveLength(1);
    expect(await bed.providerChargesFor(event.payload.invoiceId)).toHaveLength(1);
    await waitFor(() => bed.eventsFor(Topics.PaymentProcessed, event.orderId)[0], { timeoutMs: 20_000, description: 'PaymentProcessed' });
    expect(bed.eventsFor(Topics.PaymentProcessed, event.orderId)).toHaveLength(1);
  });

  it('a lost provider answer is retried with the same idempotency key and charges once', async () => {
    // The provider charges, then the answer is lost twice; the retries must reuse the key.
    bed.sandbox.injectTransientFaults({ times: 2, phase: 'after', operation: 'charge' });
    const event = invoiceCreated('8080');
    await bed.publish(event);
    await waitFor(() => bed.eventsFor(Topics.PaymentProcessed, event.orderId)[0], { timeoutMs: 40_000, description: 'PaymentProcessed after retries' });

    const [charge] = await bed.chargesFor(event.payload.invoiceId);
    expect(charge).toMatchObject({ status: 'succeeded', attempts: 3 });
    const atProvider = await bed.providerChargesFor(event.payload.invoiceId);
    expect(atProvider).toHaveLength(1);
    expect(atProvider[0]).toMatchObject({ idempotencyKey: `charge:${event.payload.invoiceId}`, providerChargeId: charge.provider_charge_id });
    expect(bed.eventsFor(Topics.PaymentProcessed, event.orderId)).toHaveLength(1);
  });

  it('settles an order on account without a provider call', async () => {
    const event = invoiceCreated('wholesale-77', { paymentTerms: 'account' });
    await bed.publish(event);
    const processed = await waitFor(() => bed.eventsFor(Topics.PaymentProcessed, event.orderId)[0], { timeoutMs: 30_000, description: 'PaymentProcessed' });
    expect(processed.value).toMatchObject({ payload: { method: 'account', provider: 'account', card: null, amountMinor: 20000 } });
    expect(await bed.providerChargesFor(event.payload.invoiceId)).toHaveLength(0);

    const reply = await bed.pay({ customerId: 'wholesale-77', invoiceId: event.payload.invoiceId, totalMinor: 20000 }, event.orderId);
    expect(reply).toMatchObject({ ok: true, data: { method: 'account', card: null, status: 'succeeded' } });
  });

  it('answers NOT_FOUND for an unknown invoice, CONFLICT for a wrong amount, VALIDATION_FAILED for bad input', async () => {
    const missing = await bed.pay({ customerId: '8080', invoiceId: randomUUID(), totalMinor: 20000 }, 'k');
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    const event = invoiceCreated('8080');
    await bed.publish(event);
    await waitFor(() => bed.eventsFor(Topics.PaymentProcessed, event.orderId)[0], { timeoutMs: 30_000, description: 'PaymentProcessed' });
    const wrongAmount = await bed.pay({ customerId: '8080', invoiceId: event.payload.invoiceId, totalMinor: 19999 }, event.orderId);
    expect(wrongAmount).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: [{ path: 'totalMinor' }] } });

    const invalid = await bed.pay({ customerId: '8080', totalMinor: -5 }, 'k');
    expect(invalid.ok).toBe(false);
    const paths = invalid.ok ? [] : (invalid.error.details as Array<{ path: string }>).map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['invoiceId', 'totalMinor']));
  });
});
