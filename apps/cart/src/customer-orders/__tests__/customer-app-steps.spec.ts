import { CUSTOMER_APP_ORDER_STATES } from '@order-platform/contracts';
import { CUSTOMER_APP_STEPS, type CustomerAppStep, stepAllowed } from '../customer-app-steps';

const allowed: Record<CustomerAppStep, string[]> = {
  coupon: ['CREATED', 'DETAILS_CONFIRMED'],
  customerDetails: ['CREATED', 'DETAILS_CONFIRMED'],
  paymentConfirmation: ['DETAILS_CONFIRMED'],
  restaurantAcceptance: ['PAYMENT_CONFIRMED'],
  restaurantRejection: ['PAYMENT_CONFIRMED'],
};

describe('customer-app steps', () => {
  it.each(Object.keys(CUSTOMER_APP_STEPS) as CustomerAppStep[])('%s starts only from its documented states', (step) => {
    for (const state of CUSTOMER_APP_ORDER_STATES) expect([state, stepAllowed(step, state)]).toEqual([state, allowed[step].includes(state)]);
  });

  it('details confirm the order, payment confirmation submits it, decisions close it', () => {
    expect(CUSTOMER_APP_STEPS.customerDetails.to('CREATED')).toBe('DETAILS_CONFIRMED');
    expect(CUSTOMER_APP_STEPS.coupon.to('CREATED')).toBe('CREATED');
    expect(CUSTOMER_APP_STEPS.paymentConfirmation.to('DETAILS_CONFIRMED')).toBe('PAYMENT_CONFIRMED');
    expect(CUSTOMER_APP_STEPS.restaurantRejection.to('PAYMENT_CONFIRMED')).toBe('REJECTED');
  });
});
