import { createMessagingTables } from '@order-platform/messaging';
import { CreateCatalogAndOrders1763800000000 } from './1763800000000-create-catalog-and-orders';
import { AddCustomerContact1763900000000 } from './1763900000000-add-customer-contact';
import { CreateWholesaleOrders1763950000000 } from './1763950000000-create-wholesale-orders';
import { CreateCustomerAppOrders1764100000000 } from './1764100000000-create-customer-app-orders';
import { AddWholesaleLifecycleStates1764250000000 } from './1764250000000-add-wholesale-lifecycle-states';
import { CreateGroupOrders1764400000000 } from './1764400000000-create-group-orders';
import { CreateIdempotentRequests1765300000000 } from './1765300000000-create-idempotent-requests';
import { CreateTradeCustomerApiKeys1765500000000 } from './1765500000000-create-trade-customer-api-keys';

/** Every migration of the cart schema, oldest first (the outbox/inbox tables come first). */
export function cartMigrations(schema: string) {
  return [createMessagingTables(schema, 1763700000000), CreateCatalogAndOrders1763800000000, AddCustomerContact1763900000000, CreateWholesaleOrders1763950000000, CreateCustomerAppOrders1764100000000, AddWholesaleLifecycleStates1764250000000, CreateGroupOrders1764400000000, CreateIdempotentRequests1765300000000, CreateTradeCustomerApiKeys1765500000000];
}
