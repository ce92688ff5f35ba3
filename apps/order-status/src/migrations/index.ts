import { createMessagingTables } from '@order-platform/messaging';
import { CreateOrderReadModel1763900000000 } from './1763900000000-create-order-read-model';
import { AddStoreLifecycle1764000000000 } from './1764000000000-add-store-lifecycle';
import { BackfillCheckoutLifecycle1765000000000 } from './1765000000000-backfill-checkout-lifecycle';

/** Every migration of the order-status schema, oldest first. The first creates the outbox and inbox. */
export function orderStatusMigrations(schema: string) {
  return [createMessagingTables(schema, 1763700000000), CreateOrderReadModel1763900000000, AddStoreLifecycle1764000000000, BackfillCheckoutLifecycle1765000000000];
}
