import type { InvoiceCreatedPayload, PostalAddress } from '@order-platform/contracts';
import type { Destination } from './shipment-store';

/** The address on one line, as the checkout API prints it. */
export function formatPostalAddress(address: PostalAddress): string {
  return [address.street, `${address.postalCode} ${address.city}`.trim(), address.country].filter(Boolean).join(', ');
}

/** Where an invoiced order ships to, or undefined when the invoice carries no address. */
export function destinationOfInvoice(invoice: InvoiceCreatedPayload): Destination | undefined {
  const address = invoice.shippingAddress?.trim() || (invoice.deliveryAddress ? formatPostalAddress(invoice.deliveryAddress) : '');
  if (!address) return undefined;
  return {
    orderId: invoice.orderId,
    recipientName: invoice.customerName?.trim() || invoice.deliveryAddress?.name || `Customer ${invoice.customerId}`,
    phone: invoice.customerPhone?.trim() || invoice.deliveryAddress?.phone || null,
    address,
    source: 'invoice',
    // A group order member waits for its delivery round.
    ...(invoice.deliveryRoundId ? { deliveryRoundId: invoice.deliveryRoundId } : {}),
    // An order the merchant must accept first waits for OrderConfirmed.
    ...(invoice.awaitsMerchantConfirmation ? { awaitsMerchantConfirmation: true } : {}),
  };
}
