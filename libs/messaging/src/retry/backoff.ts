export interface BackoffOptions {
  /** Delay before the first retry (default 200 ms). */
  initialDelayMs?: number;
  /** Cap for any single delay (default 5 s). */
  maxDelayMs?: number;
  /** Growth per attempt (default 2). */
  multiplier?: number;
  /** 0..1 share of the delay randomised, so replicas do not retry in lockstep (default 0.2). */
  jitter?: number;
}

/**
 * Delay before retry number `retry` (1-based): initial * multiplier^(retry-1), capped, with
 * +-jitter. `random` is injectable for tests.
 */
export function backoffDelayMs(retry: number, options: BackoffOptions = {}, random: () => number = Math.random): number {
  const { initialDelayMs = 200, maxDelayMs = 5_000, multiplier = 2, jitter = 0.2 } = options;
  if (retry < 1) return 0;
  const base = Math.min(maxDelayMs, initialDelayMs * multiplier ** (retry - 1));
  const spread = base * jitter * (random() * 2 - 1);
  return Math.max(0, Math.round(Math.min(maxDelayMs, base + spread)));
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
