/* eslint-disable @nx/enforce-module-boundaries -- the bench starts the platform with the e2e project's support code, as bench:checkout does */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { CheckoutApi, type OrderView } from '../../../e2e/support/checkout-api';
import { CheckoutPlatform } from '../../../e2e/support/checkout-platform';
import { PAYING_CUSTOMER_ID } from '../../../e2e/support/customers';
import { LineProcess, repositoryRoot } from '../../../e2e/support/line-process';
import { sampleUsage, usageBetween } from './process-usage';
import { driveReads, type ReadRun } from './read-load';

// `npm run bench:reads`: the checkout order view `GET /api/order/{id}.json` read through the
// gateway over Kafka request-reply (ORDER_READS=kafka) and over order-status's internal HTTP
// read (ORDER_READS=http), on `npm start`'s embedded infrastructure. Writes bench-results/reads.json.

const MODES = ['kafka', 'http'] as const;
type Mode = (typeof MODES)[number];

const ORDERS = positiveInt('BENCH_READS_ORDERS', 5);
const DURATION_S = positiveInt('BENCH_READS_DURATION_S', 10);
const ROUNDS = positiveInt('BENCH_READS_ROUNDS', 2);
const CONCURRENCY = (process.env['BENCH_READS_CONCURRENCY'] ?? '1,10,50').split(',').map((value) => positiveIntOf('BENCH_READS_CONCURRENCY', value));
const WARMUP_S = 3;
const ORDER_TIMEOUT_MS = 60_000;

interface BenchGateway {
  mode: Mode;
  url: string;
  process: LineProcess;
}

interface Measured extends ReadRun {
  mode: Mode;
  round: number;
  concurrency: number;
  loadAverage1m: number;
  gateway?: Usage;
  orderStatus?: Usage;
  /** The launcher process, which hosts the embedded broker (and the idle mail capture). */
  launcherWithBroker?: Usage;
}

type Usage = { cpuPercent: number; rssMiB: number };

interface Pids {
  orderStatus: number;
  launcher: number;
}

/**
 * One more gateway process per mode, started like the launcher starts its own (node -r
 * @swc-node/register apps/gateway/src/main.ts) against the platform's broker and
 * order-status. Its own KAFKA_CLIENT_ID keeps its reply consumer group to itself.
 */
async function startGateway(mode: Mode, platform: CheckoutPlatform): Promise<BenchGateway> {
  const child = new LineProcess(`gateway-${mode}`, ['apps/gateway/src/main.ts'], {
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    KAFKA_BROKERS: platform.kafkaBrokers.join(','),
    KAFKA_CLIENT_ID: `gateway-reads-${mode}`,
    LOG_LEVEL: 'warn',
    ORDER_READS: mode,
    ORDER_STATUS_URL: platform.demo.services['order-status'].url,
    CART_URL: platform.demo.services['cart'].url,
    DATABASE_URL: '',
  });
  const line = await child.waitForLine(/gateway listening on http:\/\/\S+/, 120_000);
  const url = /gateway listening on (http:\/\/[^\s"]+)/.exec(line)?.[1] as string;
  return { mode, url, process: child };
}

async function createOrders(api: CheckoutApi, count: number): Promise<OrderView[]> {
  const orders: OrderView[] = [];
  for (let i = 0; i < count; i++) {
    const { orderId } = await api.submitCart(PAYING_CUSTOMER_ID);
    // A shipped order has its full timeline (cart, invoice, payment, shipment): the view clients poll for.
    orders.push(await api.waitForOrder(orderId, (order) => order.status === 'shipped', ORDER_TIMEOUT_MS, 'shipped'));
  }
  return orders;
}

/** Both gateways answer every bench order with the same body, before anything is measured. */
async function checkSameAnswers(gateways: BenchGateway[], orders: OrderView[]): Promise<void> {
  for (const order of orders) {
    const bodies = await Promise.all(gateways.map(async (gateway) => JSON.stringify((await new CheckoutApi(gateway.url).order(order.orderId)).body)));
    if (new Set(bodies).size !== 1) throw new Error(`order ${order.orderId}: the modes answer differently:\n${bodies.join('\n')}`);
  }
}

async function measure(gateway: BenchGateway, pids: Pids, orderIds: string[], concurrency: number, round: number): Promise<Measured> {
  const sampleAll = () => [gateway.process.pid, pids.orderStatus, pids.launcher].map(sampleUsage);
  const before = sampleAll();
  const run = await driveReads(gateway.url, orderIds, concurrency, DURATION_S);
  const after = sampleAll();
  return {
    mode: gateway.mode,
    round,
    concurrency,
    ...run,
    loadAverage1m: round2(loadavg()[0]),
    gateway: usageBetween(before[0], after[0]),
    orderStatus: usageBetween(before[1], after[1]),
    launcherWithBroker: usageBetween(before[2], after[2]),
  };
}

function describe(run: Measured): string {
  const cpu =
    run.gateway && run.orderStatus && run.launcherWithBroker
      ? `, CPU gateway ${run.gateway.cpuPercent} % order-status ${run.orderStatus.cpuPercent} % broker ${run.launcherWithBroker.cpuPercent} %`
      : '';
  return (
    `round ${run.round} ${run.mode.padEnd(5)} c=${String(run.concurrency).padEnd(3)} ${run.requestsPerSecond} req/s, ` +
    `p50 ${run.latencyMs.p50} ms, p99 ${run.latencyMs.p99} ms, errors ${run.errors}, non-2xx ${run.non2xx}${cpu} (load ${run.loadAverage1m})`
  );
}

/** Per mode and concurrency: the runs' req/s and latencies side by side, and their median. */
function summarize(runs: Measured[]) {
  return MODES.flatMap((mode) =>
    CONCURRENCY.map((concurrency) => {
      const mine = runs.filter((run) => run.mode === mode && run.concurrency === concurrency);
      return {
        mode,
        concurrency,
        requestsPerSecond: mine.map((run) => run.requestsPerSecond),
        p50Ms: mine.map((run) => run.latencyMs.p50),
        p99Ms: mine.map((run) => run.latencyMs.p99),
        errors: mine.reduce((sum, run) => sum + run.errors + run.non2xx, 0),
        medianRequestsPerSecond: median(mine.map((run) => run.requestsPerSecond)),
        gatewayCpuPercent: mine.map((run) => run.gateway?.cpuPercent),
        orderStatusCpuPercent: mine.map((run) => run.orderStatus?.cpuPercent),
        launcherWithBrokerCpuPercent: mine.map((run) => run.launcherWithBroker?.cpuPercent),
      };
    }),
  );
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const loadAtStart = round2(loadavg()[0]);
  const platform = await CheckoutPlatform.start({ embeddedDatabase: true, testSmtp: false, logLevel: 'warn' });
  const gateways: BenchGateway[] = [];
  // Ctrl-C stops the platform and the bench gateways too.
  const stopAll = async () => {
    await Promise.all(gateways.map((gateway) => gateway.process.stop('SIGTERM', 15_000)));
    await platform.stop();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopAll().finally(() => process.exit(130)));
  try {
    const readyMs = Date.now() - startedAt;
    gateways.push(...(await Promise.all(MODES.map((mode) => startGateway(mode, platform)))));
    const orders = await createOrders(new CheckoutApi(platform.gatewayUrl), ORDERS);
    await checkSameAnswers(gateways, orders);
    const orderIds = orders.map((order) => order.orderId);
    const pids: Pids = { orderStatus: platform.servicePid('order-status'), launcher: platform.launcher.pid };
    process.stdout.write(
      `platform ready in ${(readyMs / 1000).toFixed(1)}s; ${ORDERS} shipped orders (${orders[0].timeline.length} timeline steps); ` +
        `${ROUNDS} rounds x ${CONCURRENCY.join('/')} connections x ${MODES.join('/')}, ${DURATION_S}s each\n`,
    );

    for (const gateway of gateways) await driveReads(gateway.url, orderIds, 10, WARMUP_S);
    const runs: Measured[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Interleaved, and the mode that goes first alternates, so neither always meets the same background load.
      const order = round % 2 === 1 ? gateways : [...gateways].reverse();
      for (const concurrency of CONCURRENCY) {
        for (const gateway of order) {
          const run = await measure(gateway, pids, orderIds, concurrency, round);
          runs.push(run);
          process.stdout.write(`${describe(run)}\n`);
        }
      }
    }

    const report = {
      benchmark: 'reads',
      measuredAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryMiB: Math.round(totalmem() / 1024 / 1024),
        node: process.version,
        loadAverage1m: { atStart: loadAtStart, atEnd: round2(loadavg()[0]) },
      },
      method:
        'tools/launcher/main.ts as a child process (embedded broker, embedded PostgreSQL, mail capture; LOG_LEVEL=warn), all seven services; ' +
        `${ORDERS} orders checked out through the launcher's gateway until shipped (customer 8080, the example cart). Two more gateway processes ` +
        '(apps/gateway/src/main.ts, LOG_LEVEL=warn, own KAFKA_CLIENT_ID), one with ORDER_READS=kafka (get-order over Kafka request-reply), one with ' +
        "ORDER_READS=http (ORDER_STATUS_URL = the launcher's order-status, GET /internal/orders/{id}); both checked to answer every order " +
        `identically first. autocannon in the bench process: closed-loop connections going round the ${ORDERS} orders with ` +
        `GET /api/order/{id}.json, ${DURATION_S} s per run after a ${WARMUP_S} s warm-up per gateway; runs interleaved (per concurrency: kafka then ` +
        'http in odd rounds, http then kafka in even rounds). CPU is process CPU time over the run from /proc as percent of one core, RSS at its end, ' +
        'for the bench gateway, order-status and the launcher process (which hosts the embedded broker); PostgreSQL and autocannon are not counted. ' +
        'Everything (broker, PostgreSQL, seven services, two bench gateways, autocannon) shares the machine, and other processes used the CPU at ' +
        'the same time: loadAverage1m is recorded per run; compare the modes within a round rather than across machines.',
      settings: { orders: ORDERS, durationSeconds: DURATION_S, rounds: ROUNDS, concurrency: CONCURRENCY, warmupSeconds: WARMUP_S },
      timelineSteps: orders[0].timeline.length,
      platformReadyMs: readyMs,
      summary: summarize(runs),
      runs,
    };
    const directory = join(repositoryRoot, 'bench-results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'reads.json'), `${JSON.stringify(report, null, 2)}\n`);
    for (const row of report.summary) {
      process.stdout.write(`${row.mode.padEnd(5)} c=${String(row.concurrency).padEnd(3)} req/s ${row.requestsPerSecond.join(' / ')} (median ${row.medianRequestsPerSecond}), p50 ${row.p50Ms.join(' / ')} ms, p99 ${row.p99Ms.join(' / ')} ms, errors ${row.errors}\n`);
    }
    process.stdout.write('written to bench-results/reads.json\n');
    if (runs.some((run) => run.errors || run.non2xx)) process.exitCode = 1;
  } finally {
    await stopAll();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : round2((sorted[middle - 1] + sorted[middle]) / 2);
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function positiveInt(name: string, fallback: number): number {
  return positiveIntOf(name, process.env[name] ?? String(fallback));
}

function positiveIntOf(name: string, raw: string): number {
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be positive integers`);
  return value;
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
