import type { IssueInvoiceRequest } from '@order-platform/contracts';
import { buildInvoiceLines } from '../create-invoice/build-invoice-lines';
import type { InvoiceDraft } from '../invoices/invoice-draft';

/** The invoice the checkout API's invoice.json describes, when CartUpdated has not arrived yet. */
export function draftFromIssueInvoice(request: IssueInvoiceRequest): InvoiceDraft {
  return {
    orderId: request.orderId,
    customerId: request.customerId,
    currency: request.currency,
    subtotalMinor: request.subtotalMinor,
    taxMinor: request.taxMinor,
    totalMinor: request.totalMinor,
    lines: buildInvoiceLines({ items: request.items, taxMinor: request.taxMinor }),
    contact: { name: request.name, email: request.email, phone: request.phone },
    shippingAddress: request.shippingAddress,
    paymentTerms: 'card',
    source: 'command',
  };
}
