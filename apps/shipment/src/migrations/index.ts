import { createMessagingTables } from '@order-platform/messaging';

/** Every migration of the shipment schema, oldest first. The first creates the outbox and inbox. */
export function shipmentMigrations(schema: string) {
  return [createMessagingTables(schema, 1763700000000)];
}
