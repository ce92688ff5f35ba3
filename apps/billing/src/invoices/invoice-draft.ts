import type { InvoiceLine, PaymentTerms, PostalAddress } from '@order-platform/contracts';
import type { InvoiceSource } from './invoice.entity';

/** Everything needed to issue an invoice, whichever path (CartUpdated or command) supplies it. */
export interface InvoiceDraft {
  orderId: string;
  customerId: string;
  currency: string;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  lines: InvoiceLine[];
  contact: { name?: string; email?: string; phone?: string };
  shippingAddress?: string;
  deliveryAddress?: PostalAddress;
  paymentTerms: PaymentTerms;
  /** A group order member's delivery round (CartUpdated's deliveryRoundId); shipment holds the order for it. */
  deliveryRoundId?: string;
  /** CartUpdated's awaitsMerchantConfirmation: shipment holds the order until the merchant accepts it. */
  awaitsMerchantConfirmation?: boolean;
  source: InvoiceSource;
}
