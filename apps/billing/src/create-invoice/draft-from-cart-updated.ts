import type { CartUpdatedPayload, PaymentTerms } from '@order-platform/contracts';
import type { InvoiceDraft } from '../invoices/invoice-draft';
import { buildInvoiceLines } from './build-invoice-lines';

/**
 * The invoice a submitted order asks for. Contact and address come from the order's customer
 * snapshot; events without one still bill (contact then unknown, keyed by customer id).
 */
export function draftFromCartUpdated(order: CartUpdatedPayload): InvoiceDraft {
  const customer = order.customer;
  return {
    orderId: order.orderId,
    customerId: order.customerId,
    currency: order.currency,
    subtotalMinor: order.subtotalMinor,
    taxMinor: order.taxMinor,
    totalMinor: order.totalMinor,
    lines: buildInvoiceLines(order),
    contact: {
      name: customer?.name ?? order.deliveryAddress?.name,
      email: customer?.email ?? order.customerEmail,
      phone: customer?.phone ?? order.deliveryAddress?.phone,
    },
    shippingAddress: customer?.shippingAddress ?? oneLine(order.deliveryAddress),
    deliveryAddress: order.deliveryAddress ?? customer?.shippingPostalAddress,
    paymentTerms: paymentTermsOf(order),
    deliveryRoundId: order.deliveryRoundId,
    awaitsMerchantConfirmation: order.awaitsMerchantConfirmation === true,
    source: 'event',
  };
}

/** Wholesale orders may be settled on account; everything else is charged to a card. */
export function paymentTermsOf(order: CartUpdatedPayload): PaymentTerms {
  return order.paymentTerms ?? 'card';
}

function oneLine(address: CartUpdatedPayload['deliveryAddress']): string | undefined {
  if (!address) return undefined;
  return `${address.street}, ${address.postalCode} ${address.city} ${address.country}`;
}
