import type { EventType, TypedEvent } from '@order-platform/contracts';
import type { NotificationContext } from './notification-context';
import type { CompiledNotification, NotificationDeclaration } from './notification-definition';
import { notificationKey } from './notification-key.util';

export interface PlannedNotification {
  /** `<event id>/<template>`: the idempotency key of this mail. */
  key: string;
  template: string;
  eventId: string;
  eventType: EventType;
  orderId: string;
  correlationId: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
}

export interface NotificationPlan {
  send: PlannedNotification[];
  /** Declarations that matched the event but produced no mail, with why (for the log). */
  skipped: Array<{ template: string; reason: string }>;
  /** Declarations that matched but have no recipient until the order's contact is known. */
  awaitingContact: Array<{ template: string; reason: string }>;
}

/** Pure: event + order context in, the mails to send out. No I/O, no clock. */
export class NotificationPlanner {
  private readonly byEventType = new Map<EventType, CompiledNotification[]>();

  constructor(declarations: readonly NotificationDeclaration[]) {
    const templates = new Set<string>();
    for (const declaration of declarations) {
      const compiled = declaration.compile();
      if (templates.has(compiled.template)) throw new Error(`Notification template "${compiled.template}" is declared twice`);
      templates.add(compiled.template);
      const list = this.byEventType.get(compiled.eventType) ?? [];
      list.push(compiled);
      this.byEventType.set(compiled.eventType, list);
    }
  }

  /** The event types worth subscribing to. */
  eventTypes(): EventType[] {
    return [...this.byEventType.keys()];
  }

  plan(event: TypedEvent, context: NotificationContext): NotificationPlan {
    const plan: NotificationPlan = { send: [], skipped: [], awaitingContact: [] };
    for (const notification of this.byEventType.get(event.type) ?? []) {
      const outcome = notification.render(event, context);
      if ('skip' in outcome) {
        plan.skipped.push({ template: notification.template, reason: outcome.skip });
        continue;
      }
      if ('awaitContact' in outcome) {
        plan.awaitingContact.push({ template: notification.template, reason: outcome.awaitContact });
        continue;
      }
      plan.send.push({
        ...outcome.send,
        key: notificationKey(event.id, notification.template),
        eventId: event.id,
        eventType: event.type,
        orderId: event.orderId,
        correlationId: event.correlationId,
      });
    }
    return plan;
  }
}
