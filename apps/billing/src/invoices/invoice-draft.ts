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
  source: InvoiceSource;
}
