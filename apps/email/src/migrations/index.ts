import { createMessagingTables } from '@order-platform/messaging';
import { CreateNotificationLog1763900000000 } from './1763900000000-create-notification-log';
import { AddAwaitingContactStatus1764300000000 } from './1764300000000-add-awaiting-contact-status';

/** Every migration of the email schema, oldest first (the outbox/inbox tables come first). */
export function emailMigrations(schema: string) {
  return [createMessagingTables(schema, 1763700000000), CreateNotificationLog1763900000000, AddAwaitingContactStatus1764300000000];
}
