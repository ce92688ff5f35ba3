import { type ProcessPaymentRequest, type ProcessPaymentResponse, parseMinor } from '@order-platform/contracts';
import { CHECKOUT_CURRENCY, decimalAmountString, isoWithOffset, numericIdOrString } from '../shared/checkout-format';
import type { ProcessPaymentDto } from './process-payment.dto';
import type { PaymentView } from './payment.view';

export const PAYMENT_FIELD_ALIASES: Readonly<Record<string, string>> = { totalMinor: 'totalAmount' };

export function toProcessPaymentCommand(dto: ProcessPaymentDto): ProcessPaymentRequest {
  return { customerId: dto.customerId, invoiceId: dto.invoiceId, totalMinor: parseMinor(dto.totalAmount, CHECKOUT_CURRENCY) };
}

export function toPaymentView(charge: ProcessPaymentResponse): PaymentView {
  const customerId = numericIdOrString(charge.customerId);
  const card = charge.card;
  return {
    transactionId: charge.transactionId,
    credit_card: card
      ? {
          first_name: card.firstName ?? null,
          last_name: card.lastName ?? null,
          first_digits: card.first6 ?? null,
          last_digits: card.last4,
          brand: card.brand,
          expiry_month: card.expMonth,
          expiry_year: card.expYear,
          customer_id: customerId,
        }
      : null,
    payment: {
      completed_at: isoWithOffset(charge.completedAt),
      created_at: isoWithOffset(charge.createdAt),
      currency: charge.currency,
      customer_id: customerId,
      amount: decimalAmountString(charge.amountMinor, charge.currency),
    },
  };
}
