import { CHECKOUT_STATUSES, type CheckoutStatus, type EventType, Topics } from '@order-platform/contracts';

/** The events that change where an order stands; each is streamed to the order's subscribers. */
export const TRACKED_EVENT_TYPES: readonly EventType[] = [
  Topics.CartUpdated,
  Topics.InvoiceCreated,
  Topics.InvoiceVoided,
  Topics.PaymentProcessed,
  Topics.PaymentFailed,
  Topics.PaymentRefunded,
  Topics.OrderShipped,
  Topics.OrderDelivered,
  Topics.OrderConfirmed,
  Topics.OrderRejected,
  Topics.OrderPaid,
  Topics.OrderCompleted,
  Topics.OrderCancelled,
];

/** One event of an order as the tracking channel sees it (the envelope minus what it does not need). */
export interface TrackedEvent {
  id: string;
  type: string;
  orderId: string;
  occurredAt: string;
  payload: Record<string, unknown>;
}

/**
 * The checkout status an event stands for, following order-status's rules (furthest
 * milestone wins, cancellation is final), or undefined when the event does not move it.
 */
export function milestoneOf(event: Pick<TrackedEvent, 'type' | 'payload'>): CheckoutStatus | undefined {
  switch (event.type) {
    case Topics.CartUpdated:
      return 'pending';
    case Topics.InvoiceCreated:
      return 'invoiced';
    case Topics.PaymentProcessed:
      return 'paid';
    case Topics.PaymentFailed:
      return event.payload['retryable'] === true ? 'payment_failed' : 'cancelled';
    case Topics.OrderShipped:
      return 'shipped';
    case Topics.OrderDelivered:
      return 'delivered';
    case Topics.OrderCancelled:
    case Topics.OrderRejected:
      return 'cancelled';
    default:
      return undefined;
  }
}

/** The status after `event` when the order stood at `current`. */
export function statusAfter(current: CheckoutStatus, event: Pick<TrackedEvent, 'type' | 'payload'>): CheckoutStatus {
  const milestone = milestoneOf(event);
  if (!milestone) return current;
  return CHECKOUT_STATUSES.indexOf(milestone) > CHECKOUT_STATUSES.indexOf(current) ? milestone : current;
}

/** Parses a Kafka message value into a tracked event, or undefined when it is not an envelope. */
export function parseTrackedEvent(value: Buffer | string | null | undefined): TrackedEvent | undefined {
  if (value === null || value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString());
  } catch {
    return undefined;
  }
  const candidate = parsed as Partial<TrackedEvent> | null;
  if (
    typeof candidate?.id !== 'string' ||
    typeof candidate.type !== 'string' ||
    typeof candidate.orderId !== 'string' ||
    typeof candidate.occurredAt !== 'string'
  ) {
    return undefined;
  }
  const payload = typeof candidate.payload === 'object' && candidate.payload !== null ? candidate.payload : {};
  return { id: candidate.id, type: candidate.type, orderId: candidate.orderId, occurredAt: candidate.occurredAt, payload };
}
