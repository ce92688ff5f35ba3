import { createEvent, validateEvent } from '@order-platform/contracts';
import { CHECKOUT_NOTIFICATIONS } from '../checkout-notifications';
import { orderContactFromCartUpdated, type NotificationContext } from '../notification-context';
import { notify } from '../notification-definition';
import { NotificationPlanner } from '../notification-planner';
import {
  cartUpdatedEvent,
  invoiceCreatedEvent,
  orderCancelledEvent,
  orderShippedEvent,
  paymentFailedEvent,
  paymentProcessedEvent,
} from './checkout-events.fixture';

const context: NotificationContext = { contact: { email: 'ada@example.com', name: 'Ada Lovelace' } };

describe('NotificationPlanner with the checkout notifications', () => {
  const planner = new NotificationPlanner(CHECKOUT_NOTIFICATIONS);

  it('the fixtures are valid contract events', () => {
    for (const event of [invoiceCreatedEvent, paymentProcessedEvent, paymentFailedEvent, orderShippedEvent, orderCancelledEvent]) {
      expect(validateEvent(event)).toMatchObject({ ok: true });
    }
  });

  it('subscribes to exactly the events it has mails for', () => {
    expect(planner.eventTypes().sort()).toEqual(['InvoiceCreated', 'OrderCancelled', 'OrderShipped', 'PaymentFailed', 'PaymentProcessed']);
  });

  it.each([
    [invoiceCreatedEvent, 'invoice-created'],
    [paymentProcessedEvent, 'payment-received'],
    [paymentFailedEvent, 'payment-failed'],
    [orderShippedEvent, 'order-shipped'],
    [orderCancelledEvent, 'order-cancelled'],
  ] as const)('plans one mail for %s.type keyed by event id and template', (event, template) => {
    const { send, skipped } = planner.plan(event, context);

    expect(skipped).toEqual([]);
    expect(send).toHaveLength(1);
    expect(send[0]).toMatchObject({
      key: `${event.id}/${template}`,
      template,
      eventId: event.id,
      eventType: event.type,
      orderId: 'o-1001',
      correlationId: 'corr-1',
      recipient: 'ada@example.com',
    });
    expect(send[0].text).toContain('o-1001');
    expect(send[0].html).toContain('o-1001');
    expect(send[0].text).toMatch(/^Hello Ada Lovelace,/);
  });

  it('plans the same mail, with the same key, when the event is redelivered', () => {
    expect(planner.plan(orderShippedEvent, context)).toEqual(planner.plan(structuredClone(orderShippedEvent), context));
  });

  it('plans the mail as awaiting the contact, saying why, when the order has no known contact yet', () => {
    expect(planner.plan(orderShippedEvent, { contact: null })).toEqual({
      send: [],
      skipped: [],
      awaitingContact: [{ template: 'order-shipped', reason: 'no recipient known for the order yet' }],
    });
  });

  it('refuses a recipient that could inject headers', () => {
    const plan = planner.plan(orderShippedEvent, { contact: { email: 'ada@example.com\r\nBcc: eve@example.com' } });
    expect(plan.send).toEqual([]);
    expect(plan.skipped[0].reason).toMatch(/not a valid address/);
  });

  it('plans nothing for events without declarations', () => {
    expect(planner.plan(cartUpdatedEvent, context)).toEqual({ send: [], skipped: [], awaitingContact: [] });
  });

  it('takes the contact from CartUpdated', () => {
    expect(orderContactFromCartUpdated(cartUpdatedEvent)).toEqual({ email: 'ada@example.com', name: 'Ada Lovelace' });
    const withoutEmail = { ...cartUpdatedEvent, payload: { ...cartUpdatedEvent.payload, customerEmail: undefined } };
    expect(orderContactFromCartUpdated(withoutEmail)).toBeNull();
  });
});

describe('notification declarations', () => {
  it('honours filter()', () => {
    const onlyRetryable = notify('retry-payment')
      .on('PaymentFailed')
      .filter(({ payload }) => payload.retryable)
      .to((_e, c) => c.contact?.email)
      .subject(() => 'Try again')
      .text(() => 'text')
      .html(() => '<p>html</p>');
    const planner = new NotificationPlanner([onlyRetryable]);
    const final = createEvent('PaymentFailed', { ...paymentFailedEvent.payload, retryable: false }, { correlationId: 'c' });

    expect(planner.plan(paymentFailedEvent, context).send).toHaveLength(1);
    expect(planner.plan(final, context)).toEqual({ send: [], skipped: [{ template: 'retry-payment', reason: 'filtered out' }], awaitingContact: [] });
  });

  it('rejects an incomplete declaration when the planner is built', () => {
    const incomplete = notify('half-done').on('OrderShipped').subject(() => 'x');
    expect(() => new NotificationPlanner([incomplete])).toThrow(/half-done.*needs to\(\)/);
  });

  it('rejects two declarations with one template name', () => {
    const first = notify('dup').on('OrderShipped').to(() => 'a@b.co').subject(() => 's').text(() => 't').html(() => 'h');
    expect(() => new NotificationPlanner([first, first])).toThrow(/declared twice/);
  });

  it('keeps each builder step immutable', () => {
    const base = notify('base').on('OrderShipped').to(() => 'a@b.co').text(() => 't').html(() => 'h');
    const one = base.subject(() => 'one');
    const two = base.subject(() => 'two');
    const render = (d: typeof one) => new NotificationPlanner([d]).plan(orderShippedEvent, context).send[0].subject;
    expect([render(one), render(two)]).toEqual(['one', 'two']);
  });

  it('only accepts kebab-case template names', () => {
    expect(() => notify('Order Shipped')).toThrow(/kebab-case/);
  });
});
