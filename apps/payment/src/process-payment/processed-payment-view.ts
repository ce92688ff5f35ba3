import type { ProcessPaymentResponse } from '@order-platform/contracts';
import type { ChargeRecord } from '../charges/charge.entity';

/** The command's answer for a completed charge (card fields null when settled on account). */
export function processedPaymentView(charge: ChargeRecord): ProcessPaymentResponse {
  const card =
    charge.method === 'card' && charge.cardLast4 && charge.cardBrand && charge.cardExpMonth && charge.cardExpYear
      ? {
          firstName: charge.cardHolderFirstName,
          lastName: charge.cardHolderLastName,
          first6: charge.cardFirst6,
          last4: charge.cardLast4,
          brand: charge.cardBrand,
          expMonth: charge.cardExpMonth,
          expYear: charge.cardExpYear,
        }
      : null;
  return {
    transactionId: charge.transactionId,
    status: charge.status === 'succeeded' ? 'succeeded' : 'declined',
    method: charge.method,
    card,
    customerId: charge.customerId,
    invoiceId: charge.invoiceId,
    orderId: charge.orderId,
    amountMinor: charge.amountMinor,
    currency: charge.currency,
    createdAt: charge.createdAt.toISOString(),
    completedAt: (charge.completedAt ?? charge.createdAt).toISOString(),
  };
}
