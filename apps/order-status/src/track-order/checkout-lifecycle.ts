import type { TypedEvent } from '@order-platform/contracts';
import { type LifecycleState, PaymentStatus } from '../lifecycle/order-lifecycle-state';
import { type LifecycleAction, type LifecycleEventType, transition } from '../lifecycle/order-state-machine';

/** The lifecycle rows a checkout event stands for, in the order they apply. */
export function lifecycleActionsOf(event: TypedEvent): LifecycleAction[] {
  switch (event.type) {
    case 'PaymentProcessed':
      return ['paymentProcessed'];
    case 'PaymentRefunded':
      return ['paymentRefunded'];
    case 'OrderShipped':
      return ['orderShipped'];
    case 'OrderDelivered':
      // Shipped and delivered travel on two topics: a delivery seen first implies the shipment.
      return ['orderShipped', 'orderDelivered'];
    default:
      return [];
  }
}

export interface LifecycleMove {
  to: LifecycleState;
  /** Lifecycle events the applied rows publish (OrderPaid for a checkout payment). */
  events: LifecycleEventType[];
}

/**
 * Applies a checkout event's rows to the order's lifecycle through the shared transition table.
 * A refused row is not an error here: the checkout fact happened, and the refusal only says the
 * lifecycle already reflects it (paid twice, shipped twice) or has moved past it (cancelled).
 * `cancelled` applies the table's cancel row when the checkout status became cancelled.
 */
export function applyCheckoutEvent(state: LifecycleState, event: TypedEvent, cancelled: boolean): LifecycleMove {
  let current = state;
  const events: LifecycleEventType[] = [];
  const actions = [...lifecycleActionsOf(event), ...(cancelled ? (['cancel'] as const) : [])];
  for (const action of actions) {
    // A refund proves the capture, even when PaymentProcessed has not reached us yet.
    const from = action === 'paymentRefunded' && current.paymentStatus === PaymentStatus.Unpaid ? { ...current, paymentStatus: PaymentStatus.Paid } : current;
    const outcome = transition(from, action);
    if (!outcome.ok) continue;
    current = outcome.to;
    // The checkout's own OrderCancelled is written by the tracker; the table's cancel row only moves the state.
    if (outcome.event && action !== 'cancel') events.push(outcome.event);
  }
  return { to: current, events };
}
