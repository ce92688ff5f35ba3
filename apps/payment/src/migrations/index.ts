import { createMessagingTables } from '@order-platform/messaging';
import { CreatePaymentTables1763800000000 } from './1763800000000-create-payment-tables';
import { AddCashTermsAndRefunds1764100000000 } from './1764100000000-add-cash-terms-and-refunds';
import { AddCancelledOrders1764600000000 } from './1764600000000-add-cancelled-orders';
import { AddCancellationCorrelation1764800000000 } from './1764800000000-add-cancellation-correlation';
import { AddPayableInvoiceHolds1765100000000 } from './1765100000000-add-payable-invoice-holds';
import { AddChargeReconcileSchedule1765200000000 } from './1765200000000-add-charge-reconcile-schedule';
import { CreateSandboxLedger1765400000000 } from './1765400000000-create-sandbox-ledger';

/** Every migration of the payment schema, oldest first. The first creates the outbox and inbox. */
export function paymentMigrations(schema: string) {
  return [createMessagingTables(schema, 1763700000000), CreatePaymentTables1763800000000, AddCashTermsAndRefunds1764100000000, AddCancelledOrders1764600000000, AddCancellationCorrelation1764800000000, AddPayableInvoiceHolds1765100000000, AddChargeReconcileSchedule1765200000000, CreateSandboxLedger1765400000000];
}
