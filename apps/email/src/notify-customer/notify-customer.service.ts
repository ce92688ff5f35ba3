import { Injectable } from '@nestjs/common';
import type { TypedEvent } from '@order-platform/contracts';
import { InboxHandler } from '@order-platform/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { NotificationDeliveryService } from '../notification-log/notification-delivery.service';
import type { NewNotification } from '../notification-log/notification-log.store';
import { CHECKOUT_NOTIFICATIONS, type NotificationPlan, NotificationPlanner, notificationKey } from '../notifications';
import { contactOfEvent } from './contact-of-event';
import { releaseAwaitingNotifications } from './release-awaiting-notifications';

export const EMAIL_CONSUMER = 'email';

export interface NotifyOutcome {
  inbox: 'processed' | 'duplicate';
  sent: number;
  failed: number;
}

/**
 * An order event in, its mails out. Step 1 (one transaction with the inbox row): update the
 * contact projection, plan, and log every planned mail as 'pending', 'skipped' (with the
 * reason) or 'awaiting_contact' (no address yet: events of one order arrive on different
 * topics, so OrderShipped may come before the CartUpdated that names the customer). Once the
 * contact is known, the order's waiting mails are planned again and turn 'pending'.
 * Step 2: send what is pending for the event, or for the whole order when the event brought
 * a contact (that covers the released mails). A retry or redelivery finds the event in the
 * inbox and runs only step 2, where rows already 'sent' are not pending any more.
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
    const contactFields = contactOfEvent(event);
    const { status } = await this.inbox.handleOnce(EMAIL_CONSUMER, event, async (manager) => {
      await store.lockOrder(manager, event.orderId);
      await store.saveContact(manager, event.orderId, contactFields);
      const contact = await store.findContact(manager, event.orderId);
      if (contact) await releaseAwaitingNotifications(manager, store, this.planner, event.orderId, contact);
      await this.log(manager, event, this.planner.plan(event, { contact }));
    });
    const bringsContact = Object.keys(contactFields).length > 0;
    const outcomes = bringsContact ? await this.delivery.deliverPendingOfOrder(event.orderId) : await this.delivery.deliverPendingOfEvent(event.id);
    return { inbox: status, sent: outcomes.filter((o) => o === 'sent').length, failed: outcomes.filter((o) => o === 'failed').length };
  }

  private async log(manager: EntityManager, event: TypedEvent, plan: NotificationPlan): Promise<void> {
    const store = this.delivery.store;
    for (const mail of plan.send) {
      const { key, template, recipient, subject, text, html } = mail;
      await store.insert(manager, { ...this.rowOf(event, template), key, recipient, subject, text, html, status: 'pending' });
    }
    for (const skipped of plan.skipped) {
      await store.insert(manager, { ...this.rowOf(event, skipped.template), status: 'skipped' }, { lastError: skipped.reason });
    }
    for (const waiting of plan.awaitingContact) {
      await store.insert(manager, { ...this.rowOf(event, waiting.template), status: 'awaiting_contact' }, { lastError: waiting.reason, plannedFrom: event });
    }
  }

  /** A log row of the event without content yet. */
  private rowOf(event: TypedEvent, template: string): NewNotification {
    return {
      id: randomUUID(),
      key: notificationKey(event.id, template),
      template,
      eventId: event.id,
      eventType: event.type,
      orderId: event.orderId,
      correlationId: event.correlationId,
      recipient: null,
      subject: null,
      text: null,
      html: null,
      status: 'pending',
    };
  }
}
