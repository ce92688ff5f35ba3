import type { PaymentConfig } from '../payment-config';

/** When the reconciler sweeps, which charges it takes over, how long it backs off at most. */
export interface ReconcileChargesOptions {
  /** Time between sweeps; 0: no sweep. */
  intervalMs: number;
  /** Age (since the charge was claimed) before a charge left `attempting` is taken over. */
  afterMs: number;
  /** Cap of the wait before a charge the sweep failed to settle is tried again. */
  maxBackoffMs: number;
}

export const RECONCILE_CHARGES_OPTIONS = Symbol('RECONCILE_CHARGES_OPTIONS');

export function reconcileChargesOptionsOf(config: PaymentConfig): ReconcileChargesOptions {
  return {
    intervalMs: config.PAYMENT_RECONCILE_INTERVAL_MS,
    afterMs: config.PAYMENT_RECONCILE_AFTER_MS,
    maxBackoffMs: config.PAYMENT_RECONCILE_MAX_BACKOFF_MS,
  };
}
