import { validateEvent } from '@order-platform/contracts';
import { ChargeRecord } from '../charge.entity';
import { paymentFailedEvent, paymentProcessedEvent } from '../charge-events';

function charge(overrides: Partial<ChargeRecord>): ChargeRecord {
  return Object.assign(new ChargeRecord(), {
    transactionId: 1071573807,
    invoiceId: 'inv-1',
    orderId: 'o-1',
    customerId: '8080',
    amountMinor: 20000,
    currency: 'USD',
    method: 'card',
    provider: 'sandbox',
    idempotencyKey: 'charge:inv-1',
    status: 'succeeded',
    attempts: 1,
    paymentMethodId: 'demo-card-8080',
    providerChargeId: 'ch_1',
    cardBrand: 'visa',
    cardFirst6: '424242',
    cardLast4: '4242',
    cardExpMonth: 9,
    cardExpYear: 2030,
    cardHolderFirstName: 'Bob',
    cardHolderLastName: 'Norman',
    declineCode: null,
    declineMessage: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    completedAt: new Date('2026-01-01T00:00:01Z'),
    ...overrides,
  });
}

const paid = { correlationId: 'c-1', deliveryRoundId: null, awaitsMerchantConfirmation: false };

describe('payment events', () => {
  it('PaymentProcessed carries the masked card and a valid envelope', () => {
    const event = paymentProcessedEvent(charge({}), paid);
    expect(validateEvent(event).ok).toBe(true);
    expect(event.payload).toMatchObject({
      paymentId: '1071573807',
      transactionId: 1071573807,
      method: 'card',
      card: { brand: 'visa', first6: '424242', last4: '4242', expMonth: 9, expYear: 2030, holderName: 'Bob Norman' },
    });
  });

  it('an order on account has no card', () => {
    const event = paymentProcessedEvent(charge({ method: 'account', provider: 'account', cardBrand: null, cardLast4: null }), paid);
    expect(validateEvent(event).ok).toBe(true);
    expect(event.payload).toMatchObject({ method: 'account', card: null });
  });

  it('PaymentFailed carries the decline reason and is final', () => {
    const event = paymentFailedEvent(charge({ status: 'declined', declineCode: 'insufficient_funds', declineMessage: 'Your card has insufficient funds.' }), 'c-1');
    expect(validateEvent(event).ok).toBe(true);
    expect(event.payload).toMatchObject({ reasonCode: 'insufficient_funds', reason: 'Your card has insufficient funds.', retryable: false });
  });
});
