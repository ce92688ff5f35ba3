import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { startBenchCart } from './bench-cart';
import { BenchRestaurants, CustomerRotation, seedCustomers } from './bench-data';
import { readBenchSettings } from './bench-settings';
import { type CloseSample, type Drain, GroupClose } from './group-close';
import { JOIN_RUN_FOODRUSH_MINUTES, type JoinPath, JoinLoad, type JoinRun, type JoinTarget } from './join-load';
import { round2 } from './latency';

// `npm run bench:group-orders`: group orders (FoodRush) in the cart on real PostgreSQL and the
// embedded broker, with the controllable clock. Join throughput and latency with C joiners
// racing for one group row (row lock) or spread over many groups; the time the timer poller
// takes to close a group of M members; the process's memory. Writes bench-results/group-orders.json.

const REPO_ROOT = resolve(__dirname, '../../..');
const MiB = 1024 * 1024;
const WARMUP_JOINS = 40;
const CLOSE_TIMEOUT_MS = 60_000;
const DRAIN_TIMEOUT_MS = 120_000;

interface MemorySnapshot {
  rssMiB: number;
  heapUsedMiB: number;
}

function memory(): MemorySnapshot {
  const usage = process.memoryUsage();
  return { rssMiB: round1(usage.rss / MiB), heapUsedMiB: round1(usage.heapUsed / MiB) };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : round2((sorted[middle - 1] + sorted[middle]) / 2);
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const settings = readBenchSettings();
  const loadAtStart = round2(loadavg()[0]);
  const afterImports = memory();

  const bench = await startBenchCart(settings.timerPollMs);
  // Ctrl-C drops the bench database and stops the broker too.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void bench.stop().finally(() => process.exit(130)));
  }
  try {
    const bootMs = Date.now() - startedAt;
    const customers = new CustomerRotation(await seedCustomers(bench.sql, settings.customers));
    const restaurants = new BenchRestaurants(bench.sql);
    const load = new JoinLoad(bench, restaurants, customers);
    process.stdout.write(`cart ready in ${(bootMs / 1000).toFixed(1)}s (PostgreSQL ${bench.postgres.serverVersion}, ${bench.postgres.source}); ${settings.customers} bench customers seeded\n`);

    // Warm-up: connections, JIT and the command topics' consumer groups, not measured.
    await load.run('service', 'spread', 4, WARMUP_JOINS, 4, settings.runBudgetMs);
    if (settings.commandJoinsPerRun > 0) await warmUpCommands(load, settings.runBudgetMs);
    const afterBoot = memory();

    const joins: JoinRun[] = [];
    const paths: Array<{ path: JoinPath; count: number }> = [{ path: 'service', count: settings.joinsPerRun }];
    if (settings.commandJoinsPerRun > 0) paths.push({ path: 'command', count: settings.commandJoinsPerRun });
    for (const { path, count } of paths) {
      for (const target of ['one-group', 'spread'] as JoinTarget[]) {
        for (const concurrency of settings.concurrency) {
          const run = await load.run(path, target, concurrency, count, settings.spreadGroups, settings.runBudgetMs);
          joins.push(run);
          process.stdout.write(`${describeRun(run)}\n`);
        }
      }
    }
    const afterJoins = memory();

    // The join runs' groups close (and end) first, so a timed close is the only transition in its poll.
    const close = new GroupClose(bench, restaurants, customers);
    const drain: Drain = await close.drain(JOIN_RUN_FOODRUSH_MINUTES + 30, DRAIN_TIMEOUT_MS);
    process.stdout.write(`join-run groups closed: ${drain.groupsClosed} groups, ${drain.membersClosed} members in ${drain.elapsedMs} ms\n`);
    const closes: Array<{ members: number; totalMs: { min: number; median: number; max: number }; samples: CloseSample[] }> = [];
    for (const members of settings.closeMembers) {
      const samples: CloseSample[] = [];
      for (let repeat = 0; repeat < settings.closeRepeats; repeat++) samples.push(await close.sample(members, CLOSE_TIMEOUT_MS));
      const totals = samples.map((sample) => sample.totalMs);
      const summary = { members, totalMs: { min: Math.min(...totals), median: median(totals), max: Math.max(...totals) }, samples };
      closes.push(summary);
      process.stdout.write(
        `close M=${members}: advance -> last CartUpdated median ${summary.totalMs.median} ms (min ${summary.totalMs.min}, max ${summary.totalMs.max}); ` +
          `poll pick-up median ${median(samples.map((s) => s.claimAfterMs))} ms, transaction median ${median(samples.map((s) => s.transactionMs))} ms\n`,
      );
    }
    const atEnd = memory();

    const failed = joins.reduce((sum, run) => sum + run.failed, 0);
    const report = {
      benchmark: 'group-orders',
      measuredAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryMiB: Math.round(totalmem() / MiB),
        node: process.version,
        loadAverage1m: { atStart: loadAtStart, atEnd: round2(loadavg()[0]) },
      },
      method:
        'apps/cart in this process (startServiceForTest: NestJS app, its pool of 10 PostgreSQL connections, timer poller and outbox relay), ' +
        `PostgreSQL ${bench.postgres.serverVersion} (${bench.postgres.source}) in a throwaway database, the embedded broker in memory, ` +
        `GROUP_ORDER_CLOCK=controllable, GROUP_ORDER_TIMER_POLL_MS=${settings.timerPollMs}, quiet logs. Synthetic activated customers and restaurants ` +
        '(ids bench-*, group_capacity 1000000, one 1200-cent dish) inserted directly. Joins: closed-loop joiners, one item each, fresh groups per run; ' +
        '"service" calls GroupOrderPlacementService.join (the command handler\'s code, no transport): joiners really wait on the group row lock; ' +
        '"command" sends JoinGroupOrder over the broker keyed group-order-<id> like the gateway (one group = one partition, handled one at a time); ' +
        '"one-group": every joiner joins the same group; "spread": joins go round the groups in turn. Every join reprices all members of its group ' +
        '(one UPDATE of n rows), so a one-group run gets slower as its group grows: joinsPerSecondByFifth shows it. ' +
        'Close: a group of M members (5-minute FoodRush), the clock advanced 6 minutes with POST /test-clock/advance, timed until its group row is ' +
        'committed CLOSED (same transaction as its M CartUpdated outbox rows, then counted); the join runs\' groups are closed beforehand. ' +
        'RSS and heap are this process (cart + broker + bench), not the PostgreSQL server.',
      settings,
      postgres: bench.postgres,
      bootMs,
      joins,
      groupClose: { joinRunGroupsDrain: drain, results: closes },
      memory: { afterImports, afterBootAndWarmUp: afterBoot, afterJoins, atEnd },
      failedJoins: failed,
      durationMs: Date.now() - startedAt,
    };
    const directory = join(REPO_ROOT, 'bench-results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'group-orders.json'), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(
      `RSS ${afterBoot.rssMiB} MiB after boot -> ${atEnd.rssMiB} MiB at the end (heap ${afterBoot.heapUsedMiB} -> ${atEnd.heapUsedMiB} MiB); ` +
        `${failed} failed joins; ${(report.durationMs / 1000).toFixed(1)}s in all\nwritten to bench-results/group-orders.json\n`,
    );
    if (failed > 0) process.exitCode = 1;
  } finally {
    await bench.stop();
  }
}

/** The cart's command consumer may still be joining its group: retry until a join comes back. */
async function warmUpCommands(load: JoinLoad, budgetMs: number): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const run = await load.run('command', 'spread', 4, WARMUP_JOINS, 4, budgetMs);
    if (run.failed === 0) return;
  }
  throw new Error('JoinGroupOrder commands keep failing during the warm-up');
}

function describeRun(run: JoinRun): string {
  const l = run.latency;
  return (
    `join ${run.path.padEnd(7)} ${run.target.padEnd(9)} C=${String(run.concurrency).padEnd(3)} ${String(run.completed).padStart(4)} joins ` +
    `${String(run.joinsPerSecond).padStart(7)}/s  p50 ${l.p50Ms} ms  p95 ${l.p95Ms} ms  p99 ${l.p99Ms} ms  max ${l.maxMs} ms` +
    `  (by fifth ${run.joinsPerSecondByFifth.map(Math.round).join('/')}/s; largest group ${run.largestGroupMembers} members${run.failed ? `, ${run.failed} failed: ${run.firstErrors[0]}` : ''})`
  );
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
