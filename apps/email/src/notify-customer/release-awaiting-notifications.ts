import { describeErrors, validateEvent } from '@order-platform/contracts';
import type { EntityManager } from 'typeorm';
import type { AwaitingNotification, NotificationLogStore, ReleasedNotification } from '../notification-log/notification-log.store';
import type { NotificationPlanner, OrderContact } from '../notifications';

/**
 * Once an order's contact is known, plans again every mail of the order that waited for it
 * (from the event it was planned from) and turns it 'pending' for the usual delivery, or
 * 'skipped' when the plan now says so. Runs in the transaction that recorded the contact.
 * Returns how many rows left 'awaiting_contact'.
 */
export async function releaseAwaitingNotifications(
  manager: EntityManager,
  store: NotificationLogStore,
  planner: NotificationPlanner,
  orderId: string,
  contact: OrderContact,
): Promise<number> {
  let released = 0;
  for (const row of await store.lockAwaitingOfOrder(manager, orderId)) {
    const outcome = replan(planner, row, contact);
    if (!outcome) continue;
    await store.release(manager, row.id, outcome);
    released += 1;
  }
  return released;
}

/** undefined: the plan still has no recipient, so the row keeps waiting. */
function replan(planner: NotificationPlanner, row: AwaitingNotification, contact: OrderContact): ReleasedNotification | undefined {
  const validated = validateEvent(row.plannedFrom);
  if (!validated.ok) return { skip: `the event it was planned from no longer validates: ${describeErrors(validated.errors)}` };
  const plan = planner.plan(validated.event, { contact });
  const mail = plan.send.find((planned) => planned.key === row.key);
  if (mail) return { recipient: mail.recipient, subject: mail.subject, text: mail.text, html: mail.html };
  const skipped = plan.skipped.find((entry) => entry.template === row.template);
  if (skipped) return { skip: skipped.reason };
  if (plan.awaitingContact.some((entry) => entry.template === row.template)) return undefined;
  return { skip: `no mail "${row.template}" is declared for ${validated.event.type} any more` };
}
