import { Injectable } from '@nestjs/common';
import type { TypedEvent } from '@order-platform/contracts';
import { InboxHandler } from '@order-platform/messaging';
import { randomUUID } from 'node:crypto';
import { NotificationDeliveryService } from '../notification-log/notification-delivery.service';
import { CHECKOUT_NOTIFICATIONS, NotificationPlanner, notificationKey } from '../notifications';
import { contactOfEvent } from './contact-of-event';

export const EMAIL_CONSUMER = 'email';

export interface NotifyOutcome {
  inbox: 'processed' | 'duplicate';
  sent: number;
  failed: number;
}

/**
 * An order event in, its mails out. Step 1 (one transaction with the inbox row): update the
 * contact projection, plan, and log every planned mail as 'pending' (or 'skipped' with the
 * reason). Step 2: send what is still pending for the event. A retry or redelivery finds the
 * event in the inbox and runs only step 2, where rows already 'sent' are not pending any more.
 */
@Injectable()
export class NotifyCustomerService {
  private readonly planner = new NotificationPlanner(CHECKOUT_NOTIFICATIONS);

  constructor(
    private readonly inbox: InboxHandler,
    private readonly delivery: NotificationDeliveryService,
  ) {}

  async handle(event: TypedEvent): Promise<NotifyOutcome> {
    const store = this.delivery.store;
    const { status } = await this.inbox.handleOnce(EMAIL_CONSUMER, event, async (manager) => {
      await store.saveContact(manager, event.orderId, contactOfEvent(event));
      const plan = this.planner.plan(event, { contact: await store.findContact(manager, event.orderId) });
      for (const mail of plan.send) {
        await store.insert(manager, {
          id: randomUUID(),
          key: mail.key,
          template: mail.template,
          eventId: mail.eventId,
          eventType: mail.eventType,
          orderId: mail.orderId,
          correlationId: mail.correlationId,
          recipient: mail.recipient,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          status: 'pending',
        });
      }
      for (const skipped of plan.skipped) {
        await store.insert(
          manager,
          {
            id: randomUUID(),
            key: notificationKey(event.id, skipped.template),
            template: skipped.template,
            eventId: event.id,
            eventType: event.type,
            orderId: event.orderId,
            correlationId: event.correlationId,
            recipient: null,
            subject: null,
            text: null,
            html: null,
            status: 'skipped',
          },
          skipped.reason,
        );
      }
    });
    const outcomes = await this.delivery.deliverPendingOfEvent(event.id);
    return { inbox: status, sent: outcomes.filter((o) => o === 'sent').length, failed: outcomes.filter((o) => o === 'failed').length };
  }
}
