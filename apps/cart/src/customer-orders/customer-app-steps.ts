import type { CustomerAppOrderState } from '@order-platform/contracts';

export type CustomerAppStep = 'coupon' | 'customerDetails' | 'paymentConfirmation' | 'restaurantAcceptance' | 'restaurantRejection';

/**
 * The app's steps as data: the states each step may start from and the state it leaves.
 * Restaurant decisions are lifecycle actions in order-status; this table only records them.
 */
export const CUSTOMER_APP_STEPS: Record<CustomerAppStep, { from: readonly CustomerAppOrderState[]; to: (state: CustomerAppOrderState) => CustomerAppOrderState }> = {
  coupon: { from: ['CREATED', 'DETAILS_CONFIRMED'], to: (state) => state },
  customerDetails: { from: ['CREATED', 'DETAILS_CONFIRMED'], to: () => 'DETAILS_CONFIRMED' },
  paymentConfirmation: { from: ['DETAILS_CONFIRMED'], to: () => 'PAYMENT_CONFIRMED' },
  restaurantAcceptance: { from: ['PAYMENT_CONFIRMED'], to: () => 'ACCEPTED' },
  restaurantRejection: { from: ['PAYMENT_CONFIRMED'], to: () => 'REJECTED' },
};

export function stepAllowed(step: CustomerAppStep, state: CustomerAppOrderState): boolean {
  return CUSTOMER_APP_STEPS[step].from.includes(state);
}
