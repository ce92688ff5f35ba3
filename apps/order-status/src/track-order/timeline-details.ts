import type { TypedEvent } from '@order-platform/contracts';

/**
 * The few facts of an event worth showing on the order's timeline. Contact data (names,
 * addresses, e-mail addresses) stays out: the timeline is served to anyone with the order id.
 */
export function timelineDetails(event: TypedEvent): Record<string, unknown> {
  const details = pickDetails(event);
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined && value !== null));
}

function pickDetails(event: TypedEvent): Record<string, unknown> {
  switch (event.type) {
    case 'CartUpdated': {
      const { customerId, currency, totalMinor, items } = event.payload;
      return { customerId, currency, totalMinor, itemCount: items.length };
    }
    case 'InvoiceCreated': {
      const { invoiceId, invoiceNumber, currency, totalMinor } = event.payload;
      return { invoiceId, invoiceNumber, currency, totalMinor };
    }
    case 'InvoiceVoided': {
      const { invoiceId, invoiceNumber, reason } = event.payload;
      return { invoiceId, invoiceNumber, reason };
    }
    case 'PaymentProcessed': {
      const { paymentId, transactionId, method, currency, amountMinor } = event.payload;
      return { paymentId, transactionId, method, currency, amountMinor };
    }
    case 'PaymentFailed': {
      const { paymentId, transactionId, reasonCode, reason, retryable } = event.payload;
      return { paymentId, transactionId, reasonCode, reason, retryable };
    }
    case 'PaymentRefunded': {
      const { refundId, currency, amountMinor, reason } = event.payload;
      return { refundId, currency, amountMinor, reason };
    }
    case 'OrderShipped': {
      const { shipmentId, carrier, trackingNumber } = event.payload;
      return { shipmentId, carrier, trackingNumber };
    }
    case 'OrderDelivered': {
      const { shipmentId, deliveredAt } = event.payload;
      return { shipmentId, deliveredAt };
    }
    case 'EmailSent': {
      const { emailId, template } = event.payload;
      return { emailId, template };
    }
    case 'OrderCancelled': {
      const { reason, cancelledBy } = event.payload;
      return { reason, cancelledBy };
    }
    default:
      return {};
  }
}
