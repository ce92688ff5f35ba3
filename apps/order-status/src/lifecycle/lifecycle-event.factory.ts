import { type CancellationActor, createEvent, type PaymentConfirmationSource, type TypedEvent } from '@order-platform/contracts';
import { type LifecycleState, PaymentStatus } from './order-lifecycle-state';
import type { LifecycleEventType } from './order-state-machine';

/** What the lifecycle events say about the order besides its new state. */
export interface LifecycleEventFacts {
  orderId: string;
  customerId: string;
  currency: string;
  /** What the customer pays (grand total), minor units. */
  amountMinor: number;
  actor: CancellationActor;
  correlationId: string;
  /** Why the order was cancelled, for OrderCancelled. */
  reason?: string;
  /** Who reported the payment, for OrderPaid (default: the store). */
  paymentSource?: PaymentConfirmationSource;
}

/** The envelope a transition publishes, built from the state it reached. */
export function lifecycleEvent(type: LifecycleEventType, facts: LifecycleEventFacts, to: LifecycleState, now = new Date()): TypedEvent {
  const at = now.toISOString();
  const options = { correlationId: facts.correlationId, occurredAt: now };
  const { orderId } = facts;
  switch (type) {
    case 'OrderConfirmed':
      return createEvent(type, { orderId, customerId: facts.customerId, totalMinor: facts.amountMinor, currency: facts.currency, confirmedAt: at }, options);
    case 'OrderPaid':
      return createEvent(type, { orderId, amountMinor: facts.amountMinor, currency: facts.currency, source: facts.paymentSource ?? 'store', paidAt: at }, options);
    case 'OrderCompleted':
      return createEvent(type, { orderId, completedAt: at }, options);
    case 'OrderCancelled':
      return createEvent(
        type,
        {
          orderId,
          reason: facts.reason ?? 'cancelled',
          cancelledBy: facts.actor,
          // Money taken stays taken until payment refunds it (PaymentRefunded moves paymentStatus to refunded).
          refundRequired: to.paymentStatus === PaymentStatus.Paid,
          cancelledAt: at,
        },
        options,
      );
  }
}
