import { createMessagingTables } from '@order-platform/messaging';
import { CreateCatalogAndOrders1763800000000 } from './1763800000000-create-catalog-and-orders';

/** Every migration of the cart schema, oldest first (the outbox/inbox tables come first). */
export function cartMigrations(schema: string) {
  return [createMessagingTables(schema, 1763700000000), CreateCatalogAndOrders1763800000000];
}
