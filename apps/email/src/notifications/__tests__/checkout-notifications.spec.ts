import { CHECKOUT_NOTIFICATIONS } from '../checkout-notifications';
import type { NotificationContext } from '../notification-context';
import { NotificationPlanner, type PlannedNotification } from '../notification-planner';
import type { TypedEvent } from '@order-platform/contracts';
import {
  invoiceCreatedEvent,
  orderCancelledEvent,
  orderShippedEvent,
  paymentFailedEvent,
  paymentProcessedEvent,
} from './checkout-events.fixture';

const planner = new NotificationPlanner(CHECKOUT_NOTIFICATIONS);
const context: NotificationContext = { contact: { email: 'ada@example.com', name: 'Ada Lovelace' } };

function mailFor(event: TypedEvent, ctx = context): PlannedNotification {
  const [mail] = planner.plan(event, ctx).send;
  if (!mail) throw new Error(`no mail planned for ${event.type}`);
  return mail;
}

describe('checkout mail templates', () => {
  it('invoice-created lists lines and totals formatted from minor units', () => {
    const mail = mailFor(invoiceCreatedEvent);
    expect(mail.subject).toBe('Invoice 2026-000123 for order o-1001');
    expect(mail.text).toBe(
      [
        'Hello Ada Lovelace,',
        '',
        'Thank you for your order o-1001. Here is your invoice 2026-000123.',
        '',
        '2 x Margherita:       EUR 100.00',
        '1 x Tiramisu <large>: EUR 9.99',
        'Subtotal:             EUR 90.16',
        'Tax:                  EUR 19.83',
        'Total:                EUR 109.99',
        'Invoice date:         2026-11-20',
        'Due:                  2026-12-04',
        '',
        'The Order Platform team',
        '',
      ].join('\n'),
    );
    expect(mail.html).toContain('<th align="left">Total</th><td>EUR 109.99</td>');
    // Event data is escaped in HTML.
    expect(mail.html).toContain('1 x Tiramisu &lt;large&gt;');
    expect(mail.html).not.toContain('<large>');
  });

  it('payment-received states the amount and reference', () => {
    const mail = mailFor(paymentProcessedEvent);
    expect(mail.subject).toBe('Payment received for order o-1001');
    expect(mail.text).toContain('We received your payment of EUR 109.99 for order o-1001.');
    expect(mail.text).toMatch(/Payment reference:\s+pay-1/);
  });

  it('payment-failed explains the reason and whether the customer can retry', () => {
    const retryable = mailFor(paymentFailedEvent);
    expect(retryable.subject).toBe('Payment for order o-1001 did not go through');
    expect(retryable.text).toContain(
      'We could not take your payment of EUR 109.99 for order o-1001 because the card has insufficient funds.',
    );
    expect(retryable.text).toContain('you can try again');

    const final = mailFor({ ...paymentFailedEvent, payload: { ...paymentFailedEvent.payload, retryable: false } });
    expect(final.subject).toBe('Payment for order o-1001 failed');
    expect(final.text).not.toContain('try again');
  });

  it('order-shipped carries the carrier and tracking number', () => {
    const mail = mailFor(orderShippedEvent);
    expect(mail.subject).toBe('Your order o-1001 is on its way');
    expect(mail.text).toMatch(/Tracking number:\s+JJD000390007827/);
    expect(mail.text).toMatch(/Expected delivery:\s+2026-11-23/);
    expect(mail.html).toContain('<td>JJD000390007827</td>');
  });

  it('order-cancelled says why', () => {
    const mail = mailFor(orderCancelledEvent);
    expect(mail.subject).toBe('Your order o-1001 was cancelled');
    expect(mail.text).toContain('Your order o-1001 was cancelled because payment failed: insufficient funds.');
    expect(mail.text).toContain('You have not been charged');

    const refund = mailFor({ ...orderCancelledEvent, payload: { ...orderCancelledEvent.payload, refundRequired: true } });
    expect(refund.text).toContain('will be refunded');
  });

  it('greets without a name when none is known', () => {
    expect(mailFor(orderShippedEvent, { contact: { email: 'ada@example.com' } }).text).toMatch(/^Hello,\n/);
  });

  it('formats zero-decimal and three-decimal currencies by their exponent', () => {
    const jpy = mailFor({ ...paymentProcessedEvent, payload: { ...paymentProcessedEvent.payload, amountMinor: 1500, currency: 'JPY' } });
    const kwd = mailFor({ ...paymentProcessedEvent, payload: { ...paymentProcessedEvent.payload, amountMinor: 1500, currency: 'KWD' } });
    expect(jpy.text).toContain('payment of JPY 1500 for');
    expect(kwd.text).toContain('payment of KWD 1.500 for');
  });
});
