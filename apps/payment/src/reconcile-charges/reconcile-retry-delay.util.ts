import { backoffDelayMs } from '@order-platform/messaging';
import type { ReconcileChargesOptions } from './reconcile-charges.options';

/** Never less, so a charge that keeps failing cannot be picked again within the same sweep. */
const MIN_FIRST_DELAY_MS = 1000;

/**
 * Wait before the sweep tries a charge again after its `failedTries`-th failed try: one sweep
 * interval (at least 1 s), doubling, capped at maxBackoffMs, with jitter so replicas spread out.
 */
export function reconcileRetryDelayMs(
  failedTries: number,
  options: Pick<ReconcileChargesOptions, 'intervalMs' | 'maxBackoffMs'>,
  random: () => number = Math.random,
): number {
  const initialDelayMs = Math.max(options.intervalMs, MIN_FIRST_DELAY_MS);
  const maxDelayMs = Math.max(options.maxBackoffMs, initialDelayMs);
  return Math.max(MIN_FIRST_DELAY_MS, backoffDelayMs(Math.max(1, failedTries), { initialDelayMs, maxDelayMs, multiplier: 2, jitter: 0.2 }, random));
}
