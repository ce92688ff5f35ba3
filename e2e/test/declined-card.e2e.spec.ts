import { sleep, waitFor } from '@order-platform/testing';
import { CheckoutApi, steps } from '../support/checkout-api';
import { CheckoutPlatform } from '../support/checkout-platform';
import { DECLINED_CUSTOMER_ID } from '../support/customers';
import { mailsForOrder, templatesOf } from '../support/order-mails';

// The compensating path: the card on file is declined, so the invoice is voided and the order cancelled.
describe('checkout with a declined card', () => {
  let platform: CheckoutPlatform;
  let api: CheckoutApi;
  let orderId: string;

  beforeAll(async () => {
    platform = await CheckoutPlatform.start();
    api = new CheckoutApi(platform.gatewayUrl);
    orderId = (await api.submitCart(DECLINED_CUSTOMER_ID)).orderId;
  }, 300000);

  afterAll(async () => {
    await platform?.stop();
  }, 120000);

  it('cancels the order with the decline reason and voids its invoice', async () => {
    const order = await api.waitForOrder(
      orderId,
      (view) => view.status === 'cancelled' && steps(view).includes('InvoiceVoided'),
      90000,
      'status cancelled with InvoiceVoided on the timeline',
    );
    expect(steps(order)).toEqual(expect.arrayContaining(['CartUpdated', 'InvoiceCreated', 'PaymentFailed', 'InvoiceVoided']));
    expect(steps(order)).not.toContain('PaymentProcessed');
    expect(order.cancellationReason).toMatch(/declin/i);
  });

  it('mails the customer that the payment failed, and nothing about shipping', async () => {
    const smtp = platform.mailbox;
    await waitFor(() => templatesOf(mailsForOrder(smtp.messages, orderId)).includes('payment-failed'), {
      timeoutMs: 60000,
      intervalMs: 250,
      description: `a payment-failed mail for order ${orderId}`,
    }).catch((error: Error) => {
      throw new Error(`${error.message}; subjects seen: ${JSON.stringify(smtp.messages.map((m) => m.subject))}`);
    });
    await sleep(3000);
    const templates = templatesOf(mailsForOrder(smtp.messages, orderId));
    expect(templates.filter((template) => template === 'payment-failed')).toHaveLength(1);
    expect(templates).not.toContain('payment-received');
    expect(templates).not.toContain('order-shipped');
  });

  it('never ships it: shipping.json answers 409 "has not been paid"', async () => {
    const response = await api.post('/api/order/shipping.json', {
      orderId,
      name: 'Lital Hay',
      phone: '0545870006',
      shipping_address: '17 boulevard, 123 apt 6 Brooklyn NY',
    });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: expect.stringMatching(new RegExp(`Order ${orderId} has not been paid`)) });
    const order = await api.order(orderId);
    expect(steps(order.body)).not.toContain('OrderShipped');
    expect(order.body.status).toBe('cancelled');
  });
});
