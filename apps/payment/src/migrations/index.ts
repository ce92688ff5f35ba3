import { createMessagingTables } from '@order-platform/messaging';

/** Every migration of the payment schema, oldest first. The first creates the outbox and inbox. */
export function paymentMigrations(schema: string) {
  return [createMessagingTables(schema, 1763700000000)];
}
