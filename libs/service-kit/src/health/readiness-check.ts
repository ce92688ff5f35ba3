/** A dependency the service needs before it can take traffic. `check` rejects when it is down. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

/** Multi-provider token: every ReadinessCheck registered under it is run by /health/ready. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

export interface ReadinessResult {
  status: 'ok' | 'error';
  checks: Record<string, { status: 'up' | 'down'; error?: string }>;
}

export async function runReadinessChecks(checks: ReadinessCheck[], timeoutMs: number): Promise<ReadinessResult> {
  const entries = await Promise.all(
    checks.map(async (c) => {
      try {
        await withTimeout(c.check(), timeoutMs, `${c.name} check timed out after ${timeoutMs} ms`);
        return [c.name, { status: 'up' as const }] as const;
      } catch (error) {
        return [c.name, { status: 'down' as const, error: error instanceof Error ? error.message : String(error) }] as const;
      }
    }),
  );
  const results = Object.fromEntries(entries);
  const healthy = entries.every(([, r]) => r.status === 'up');
  return { status: healthy ? 'ok' : 'error', checks: results };
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
