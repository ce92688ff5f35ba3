import type { PaymentMethodRecord } from './payment-method.entity';

type DemoPaymentMethod = Omit<PaymentMethodRecord, 'providerCustomerId' | 'isDefault'>;

/**
 * Demo customers and their cards on file (DEMO_DATA=true). The references are Stripe's
 * ready-made test PaymentMethods, which the sandbox also understands, so the charges work the
 * same after a restart (nothing lives in process memory) and against a Stripe test account.
 * | customer | card                | outcome                        |
 * | 8080     | 4242 4242 4242 4242 | succeeds (Bob Norman, 9/2030)  |
 * | 8081     | 4000 0000 0000 0002 | declined, card_declined        |
 * | 8082     | 4000 0000 0000 9995 | declined, insufficient_funds   |
 * | 5        | 4242 4242 4242 4242 | succeeds (customer-app Noa)    |
 * | 6        | 4242 4242 4242 4242 | succeeds (customer-app Dan)    |
 * | 7        | 4242 4242 4242 4242 | succeeds (customer-app Léa)    |
 */
export const DEMO_PAYMENT_METHODS: readonly DemoPaymentMethod[] = [
  demo('8080', 'pm_card_visa', '424242', '4242', 'Bob', 'Norman'),
  demo('8081', 'pm_card_chargeDeclined', '400000', '0002', 'Dana', 'Declined'),
  demo('8082', 'pm_card_chargeDeclinedInsufficientFunds', '400000', '9995', 'Ira', 'Insufficient'),
  demo('5', 'pm_card_visa', '424242', '4242', 'Noa', 'Levi'),
  demo('6', 'pm_card_visa', '424242', '4242', 'Dan', 'Cohen'),
  demo('7', 'pm_card_visa', '424242', '4242', 'Léa', 'Martin'),
];

function demo(customerId: string, reference: string, first6: string, last4: string, first: string, last: string): DemoPaymentMethod {
  return {
    id: `demo-card-${customerId}`,
    customerId,
    providerReference: reference,
    brand: 'visa',
    first6,
    last4,
    expMonth: 9,
    expYear: 2030,
    holderFirstName: first,
    holderLastName: last,
  };
}
