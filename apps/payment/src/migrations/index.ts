import { createMessagingTables } from '@order-platform/messaging';
import { CreatePaymentTables1763800000000 } from './1763800000000-create-payment-tables';
import { AddCashTermsAndRefunds1764100000000 } from './1764100000000-add-cash-terms-and-refunds';

/** Every migration of the payment schema, oldest first. The first creates the outbox and inbox. */
export function paymentMigrations(schema: string) {
  return [createMessagingTables(schema, 1763700000000), CreatePaymentTables1763800000000, AddCashTermsAndRefunds1764100000000];
}
