export interface ReadinessTarget {
  name: string;
  /** GET this URL; ready once it answers 200. */
  url: string;
}

export interface WaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  requestTimeoutMs?: number;
  /** Extra text for the timeout error about one unready target (e.g. its last log lines). */
  explain?: (name: string) => string;
  onReady?: (name: string, elapsedMs: number) => void;
  /** Stop waiting early (e.g. the launcher is shutting down). */
  signal?: AbortSignal;
}

export class NotReadyError extends Error {
  constructor(message: string, readonly pending: string[]) {
    super(message);
    this.name = 'NotReadyError';
  }
}

/** Polls every target until each has answered 200 once, or fails naming the ones that never did. */
export async function waitUntilReady(targets: ReadinessTarget[], options: WaitOptions): Promise<void> {
  const started = Date.now();
  const pending = new Map(targets.map((target) => [target.name, target]));
  const lastProblem = new Map<string, string>();
  const intervalMs = options.intervalMs ?? 250;

  while (pending.size > 0) {
    if (options.signal?.aborted) throw new NotReadyError('stopped while waiting for services', [...pending.keys()]);
    await Promise.all(
      [...pending.values()].map(async (target) => {
        const problem = await probe(target.url, options.requestTimeoutMs ?? 2000);
        if (problem === undefined) {
          pending.delete(target.name);
          options.onReady?.(target.name, Date.now() - started);
        } else {
          lastProblem.set(target.name, problem);
        }
      }),
    );
    if (pending.size === 0) return;
    if (Date.now() - started >= options.timeoutMs) {
      const details = [...pending.keys()].map((name) => {
        const explanation = options.explain?.(name);
        return `- ${name}: ${pending.get(name)?.url} -> ${lastProblem.get(name)}${explanation ? `\n${explanation}` : ''}`;
      });
      throw new NotReadyError(`not ready after ${Math.round(options.timeoutMs / 1000)}s: ${[...pending.keys()].join(', ')}\n${details.join('\n')}`, [...pending.keys()]);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** undefined when the URL answered 200, else what went wrong. */
export async function probe(url: string, timeoutMs: number): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await response.arrayBuffer().catch(() => undefined);
    return response.status === 200 ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return cause ?? (error as Error).message;
  }
}
