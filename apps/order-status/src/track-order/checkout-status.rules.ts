import type { CheckoutStatus } from '@order-platform/contracts';

/**
 * The checkout status as data. Events of one order travel on different topics, so they can
 * arrive in any order; instead of applying transitions in arrival order, the status is
 * derived from the whole set of steps seen: the furthest milestone wins, and cancellation
 * is final. The same steps therefore always give the same status, whatever their order.
 */
const MILESTONES: readonly CheckoutStatus[] = ['pending', 'invoiced', 'payment_failed', 'paid', 'shipped', 'delivered', 'cancelled'];

export interface StepFacts {
  step: string;
  details: Record<string, unknown>;
}

/** The status one step stands for, or undefined when it does not move the order (emails, voids). */
export function milestoneOf(step: StepFacts): CheckoutStatus | undefined {
  switch (step.step) {
    case 'CartUpdated':
      return 'pending';
    case 'InvoiceCreated':
      return 'invoiced';
    case 'PaymentProcessed':
      return 'paid';
    case 'PaymentFailed':
      // A retryable failure leaves the order open for another attempt; anything else ends it.
      return step.details['retryable'] === true ? 'payment_failed' : 'cancelled';
    case 'OrderShipped':
      return 'shipped';
    case 'OrderDelivered':
      return 'delivered';
    case 'OrderCancelled':
      return 'cancelled';
    default:
      return undefined;
  }
}

export interface DerivedStatus {
  status: CheckoutStatus;
  cancellationReason?: string;
}

export function deriveCheckoutStatus(steps: readonly StepFacts[]): DerivedStatus {
  let status: CheckoutStatus = 'pending';
  for (const step of steps) {
    const milestone = milestoneOf(step);
    if (milestone && MILESTONES.indexOf(milestone) > MILESTONES.indexOf(status)) status = milestone;
  }
  if (status !== 'cancelled') return { status };
  return { status, cancellationReason: cancellationReasonOf(steps) };
}

/** The first cancelling step's reason (a failed payment's, or an explicit cancellation's). */
function cancellationReasonOf(steps: readonly StepFacts[]): string | undefined {
  const cancelling = steps.find((step) => milestoneOf(step) === 'cancelled');
  const reason = cancelling?.details['reason'];
  return typeof reason === 'string' ? reason : undefined;
}
