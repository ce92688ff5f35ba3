import { TransientPaymentError } from '../payment-errors';

export type FaultOperation = 'charge' | 'refund';

/**
 * `before`: the request never reached the provider (nothing happens).
 * `after`: the provider did the work but the answer was lost, like a read time-out; a retry
 * with the same idempotency key must return the recorded result, not charge again.
 */
export type FaultPhase = 'before' | 'after';

export interface FaultPlan {
  times: number;
  phase: FaultPhase;
  operation?: FaultOperation;
}

export class SandboxFaultInjector {
  private plans: Array<FaultPlan & { remaining: number }> = [];

  add(plan: FaultPlan): void {
    if (!Number.isInteger(plan.times) || plan.times < 1) throw new RangeError('times must be a positive integer');
    this.plans.push({ ...plan, remaining: plan.times });
  }

  clear(): void {
    this.plans = [];
  }

  /** Throws when a planned fault applies to this call at this phase, consuming it. */
  trip(operation: FaultOperation, phase: FaultPhase): void {
    const plan = this.plans.find((p) => p.remaining > 0 && p.phase === phase && (p.operation ?? operation) === operation);
    if (!plan) return;
    plan.remaining -= 1;
    this.plans = this.plans.filter((p) => p.remaining > 0);
    throw new TransientPaymentError(
      phase === 'before' ? `Sandbox ${operation} timed out before reaching the provider` : `Sandbox ${operation} response was lost`,
      'timeout',
    );
  }
}
