import { createMessagingTables } from '@order-platform/messaging';
import { CreateShipments1763900000000 } from './1763900000000-create-shipments';
import { AddDeliveryRounds1764400000000 } from './1764400000000-add-delivery-rounds';
import { AddMerchantConfirmations1764900000000 } from './1764900000000-add-merchant-confirmations';
import { AddPaidOrderHolds1765100000000 } from './1765100000000-add-paid-order-holds';

/** Every migration of the shipment schema, oldest first (the outbox/inbox tables come first). */
export function shipmentMigrations(schema: string) {
  return [createMessagingTables(schema, 1763700000000), CreateShipments1763900000000, AddDeliveryRounds1764400000000, AddMerchantConfirmations1764900000000, AddPaidOrderHolds1765100000000];
}
