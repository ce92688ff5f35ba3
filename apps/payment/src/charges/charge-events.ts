import { createEvent, type MaskedCardDetails, Topics, type TypedEvent } from '@order-platform/contracts';
import type { PayableInvoiceRecord } from '../invoices/payable-invoice.entity';
import type { ChargeRecord } from './charge.entity';

/** The masked card a charge used, or null (settled on account). */
export function maskedCardOf(charge: ChargeRecord): MaskedCardDetails | null {
  if (charge.method !== 'card' || !charge.cardLast4 || !charge.cardBrand || !charge.cardExpMonth || !charge.cardExpYear) return null;
  const holder = [charge.cardHolderFirstName, charge.cardHolderLastName].filter(Boolean).join(' ');
  return {
    brand: charge.cardBrand,
    first6: charge.cardFirst6,
    last4: charge.cardLast4,
    expMonth: charge.cardExpMonth,
    expYear: charge.cardExpYear,
    holderName: holder || null,
  };
}

/** What PaymentProcessed takes from the paid invoice: the order flow's correlation and the shipping holds. */
export type PaidInvoice = Pick<PayableInvoiceRecord, 'correlationId' | 'deliveryRoundId' | 'awaitsMerchantConfirmation'>;

/**
 * Carries the invoice's shipping holds: shipment may handle the payment before InvoiceCreated
 * (another topic), and every way an order ships needs the payment first.
 */
export function paymentProcessedEvent(charge: ChargeRecord, invoice: PaidInvoice): TypedEvent<'PaymentProcessed'> {
  return createEvent(
    Topics.PaymentProcessed,
    {
      orderId: charge.orderId,
      paymentId: String(charge.transactionId),
      transactionId: charge.transactionId,
      invoiceId: charge.invoiceId,
      customerId: charge.customerId,
      amountMinor: charge.amountMinor,
      currency: charge.currency,
      method: charge.method,
      provider: charge.provider,
      providerReference: charge.providerChargeId ?? undefined,
      card: maskedCardOf(charge),
      processedAt: (charge.completedAt ?? new Date()).toISOString(),
      ...(invoice.deliveryRoundId ? { deliveryRoundId: invoice.deliveryRoundId } : {}),
      ...(invoice.awaitsMerchantConfirmation ? { awaitsMerchantConfirmation: true } : {}),
    },
    { correlationId: invoice.correlationId },
  );
}

export function paymentFailedEvent(charge: ChargeRecord, correlationId: string): TypedEvent<'PaymentFailed'> {
  return createEvent(
    Topics.PaymentFailed,
    {
      orderId: charge.orderId,
      paymentId: String(charge.transactionId),
      transactionId: charge.transactionId,
      invoiceId: charge.invoiceId,
      customerId: charge.customerId,
      amountMinor: charge.amountMinor,
      currency: charge.currency,
      reasonCode: charge.declineCode ?? 'card_declined',
      reason: charge.declineMessage ?? 'The payment was declined.',
      // The charge for this invoice is final (one charge per invoice): the order cannot be paid.
      retryable: false,
      failedAt: (charge.completedAt ?? new Date()).toISOString(),
    },
    { correlationId },
  );
}
