import { WHOLESALE_ORDER_STATES, type WholesaleOrderState } from '@order-platform/contracts';

/**
 * The states a wholesale order goes through once placed. Events from different topics reach
 * the cart in any order, so a state only ever moves forward: a late PaymentProcessed never
 * takes a SHIPPED order back to PAID.
 */
export const WHOLESALE_LIFECYCLE_STATES = WHOLESALE_ORDER_STATES;
export type WholesaleLifecycleState = WholesaleOrderState;

const FORWARD_RANK: Record<Exclude<WholesaleLifecycleState, 'CANCELLED'>, number> = {
  OPEN: 0,
  PLACED: 1,
  INVOICED: 2,
  PAID: 3,
  SHIPPED: 4,
};

/**
 * The state the order moves to when an event says it reached `reached`, or null when the
 * event changes nothing. CANCELLED is final; a SHIPPED order cannot be cancelled any more
 * (the goods have left).
 */
export function advanceWholesaleState(current: WholesaleLifecycleState, reached: WholesaleLifecycleState): WholesaleLifecycleState | null {
  if (current === 'CANCELLED' || current === reached) return null;
  if (reached === 'CANCELLED') return current === 'SHIPPED' ? null : 'CANCELLED';
  return FORWARD_RANK[reached] > FORWARD_RANK[current] ? reached : null;
}
