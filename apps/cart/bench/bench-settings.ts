/**
 * The bench's knobs (environment). Defaults keep `npm run bench:group-orders` around two
 * minutes on a 2-core machine; every run also stops at its time budget.
 */
export interface BenchSettings {
  /** Concurrent joiners per run. */
  concurrency: number[];
  /** Joins per run, called on the placement service in the cart process. */
  joinsPerRun: number;
  /** Joins per run sent as JoinGroupOrder commands over the broker (0 skips those runs). */
  commandJoinsPerRun: number;
  /** Groups the "spread" runs share their joins over (one restaurant each). */
  spreadGroups: number;
  /** A run stops issuing joins after this. */
  runBudgetMs: number;
  /** Members of the groups whose close is timed. */
  closeMembers: number[];
  /** Timed closes per group size. */
  closeRepeats: number;
  /** Synthetic activated customers seeded before the runs. */
  customers: number;
  /** GROUP_ORDER_TIMER_POLL_MS of the benched cart: the close time includes up to one interval. */
  timerPollMs: number;
}

export function readBenchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  return {
    concurrency: positiveInts(env, 'BENCH_CONCURRENCY', [1, 8, 32]),
    joinsPerRun: wholeNumber(env, 'BENCH_JOINS', 300, 1),
    commandJoinsPerRun: wholeNumber(env, 'BENCH_COMMAND_JOINS', 150, 0),
    spreadGroups: wholeNumber(env, 'BENCH_SPREAD_GROUPS', 32, 1),
    runBudgetMs: wholeNumber(env, 'BENCH_RUN_BUDGET_MS', 15000, 1),
    closeMembers: positiveInts(env, 'BENCH_CLOSE_MEMBERS', [10, 100]),
    closeRepeats: wholeNumber(env, 'BENCH_CLOSE_REPEATS', 5, 1),
    customers: wholeNumber(env, 'BENCH_CUSTOMERS', 2000, 1),
    timerPollMs: wholeNumber(env, 'BENCH_TIMER_POLL_MS', 50, 10),
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number >= ${min}, ${env[name]} given`);
  return value;
}

function positiveInts(env: NodeJS.ProcessEnv, name: string, fallback: number[]): number[] {
  const raw = env[name];
  if (raw === undefined) return fallback;
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((value) => !Number.isInteger(value) || value <= 0)) {
    throw new Error(`${name} must be comma-separated positive whole numbers such as 1,8,32, ${raw} given`);
  }
  return values;
}
