import { createMessagingTables } from '@order-platform/messaging';
import { CreateInvoices1763800000000 } from './1763800000000-create-invoices';
import { AddInvoiceContactAndVoiding1763900000000 } from './1763900000000-add-invoice-contact-and-voiding';
import { AllowCashPaymentTerms1764100000000 } from './1764100000000-allow-cash-payment-terms';
import { AddInvoiceDeliveryRound1764400000000 } from './1764400000000-add-invoice-delivery-round';
import { AddCancelledOrders1764600000000 } from './1764600000000-add-cancelled-orders';
import { AddInvoiceMerchantConfirmation1764900000000 } from './1764900000000-add-invoice-merchant-confirmation';

/** Every migration of the billing schema, oldest first (the outbox/inbox tables come first). */
export function billingMigrations(schema: string) {
  return [
    createMessagingTables(schema, 1763700000000),
    CreateInvoices1763800000000,
    AddInvoiceContactAndVoiding1763900000000,
    AllowCashPaymentTerms1764100000000,
    AddInvoiceDeliveryRound1764400000000,
    AddCancelledOrders1764600000000,
    AddInvoiceMerchantConfirmation1764900000000,
  ];
}
