import { createMessagingTables } from '@order-platform/messaging';

/** Every migration of the order-status schema, oldest first. The first creates the outbox and inbox. */
export function orderStatusMigrations(schema: string) {
  return [createMessagingTables(schema, 1763700000000)];
}
