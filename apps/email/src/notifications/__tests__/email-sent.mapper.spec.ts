import { createEvent, validateEvent } from '@order-platform/contracts';
import { CHECKOUT_NOTIFICATIONS } from '../checkout-notifications';
import { emailSentPayload } from '../email-sent.mapper';
import { NotificationPlanner } from '../notification-planner';
import { orderShippedEvent } from './checkout-events.fixture';

describe('emailSentPayload', () => {
  it('builds a valid EmailSent event from a delivered notification', () => {
    const [mail] = new NotificationPlanner(CHECKOUT_NOTIFICATIONS).plan(orderShippedEvent, {
      contact: { email: 'ada@example.com' },
    }).send;
    const payload = emailSentPayload(
      mail,
      { messageId: '<abc@orders.test>', response: '250 OK', acceptedAt: new Date('2026-11-21T09:00:00Z') },
      'email-1',
    );

    expect(payload).toEqual({
      orderId: 'o-1001',
      emailId: 'email-1',
      template: 'order-shipped',
      recipient: 'ada@example.com',
      messageId: '<abc@orders.test>',
      triggeredByEventId: orderShippedEvent.id,
      sentAt: '2026-11-21T09:00:00.000Z',
    });
    expect(validateEvent(createEvent('EmailSent', payload, { correlationId: mail.correlationId }))).toMatchObject({ ok: true });
  });
});
