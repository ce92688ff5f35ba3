export interface RestartPolicy {
  /** Delay before the first restart after a crash. */
  initialDelayMs: number;
  /** Each further consecutive crash multiplies the delay by this factor... */
  factor: number;
  /** ...up to this ceiling. */
  maxDelayMs: number;
  /** A process that stayed up this long counts as healthy again: its next crash starts over at initialDelayMs. */
  stableAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { initialDelayMs: 1000, factor: 2, maxDelayMs: 30000, stableAfterMs: 30000 };

/** Delay before restarting after the n-th consecutive crash (n >= 1). */
export function restartDelayMs(consecutiveCrashes: number, policy: RestartPolicy): number {
  const exponent = Math.max(0, consecutiveCrashes - 1);
  return Math.min(policy.maxDelayMs, Math.round(policy.initialDelayMs * policy.factor ** exponent));
}

/** Consecutive crash count after a crash of a process that ran for `uptimeMs`. */
export function crashesAfterExit(previousCrashes: number, uptimeMs: number, policy: RestartPolicy): number {
  return uptimeMs >= policy.stableAfterMs ? 1 : previousCrashes + 1;
}
