import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { CheckoutApi, EXAMPLE_ITEMS } from '../support/checkout-api';
import { CheckoutPlatform } from '../support/checkout-platform';
import { PAYING_CUSTOMER_ID } from '../support/customers';
import { repositoryRoot } from '../support/line-process';
import { summarize } from './latency-summary';
import { MailWatch } from './mail-watch';

// `npm run bench:checkout`: end-to-end checkouts on `npm start`'s embedded infrastructure
// (launcher child process: embedded broker, embedded PostgreSQL, mail capture). One checkout =
// cart.json until the third mail (invoice, payment, shipped) for the order is captured, which
// the email service sends only after OrderShipped. Writes bench-results/checkout.json.

const CHECKOUTS = positiveInt('BENCH_CHECKOUTS', 200);
const CONCURRENCY = positiveInt('BENCH_CONCURRENCY', 10);
const WARMUP = 5;
const MEASURE_BUDGET_MS = positiveInt('BENCH_BUDGET_MS', 150000); // stop issuing checkouts after this
const CHECKOUT_TIMEOUT_MS = 30000; // with the budget, keeps the whole run under 4 minutes
const MAILS_PER_CHECKOUT = 3;

interface Checkout {
  orderId?: string;
  cartMs?: number;
  endToEndMs?: number;
  error?: string;
}

async function checkout(api: CheckoutApi, mails: MailWatch): Promise<Checkout> {
  const started = performance.now();
  let orderId: string | undefined;
  try {
    orderId = (await api.submitCart(PAYING_CUSTOMER_ID, EXAMPLE_ITEMS)).orderId;
    const cartMs = performance.now() - started;
    await withTimeout(mails.waitFor(orderId, MAILS_PER_CHECKOUT), CHECKOUT_TIMEOUT_MS, `order ${orderId}: ${MAILS_PER_CHECKOUT} mails`);
    return { orderId, cartMs, endToEndMs: performance.now() - started };
  } catch (error) {
    return { orderId, error: `${(error as Error).message}${orderId ? await whereIs(api, mails, orderId) : ''}` };
  }
}

/** Where a checkout that timed out got stuck: its read-model status, last step and mails so far. */
async function whereIs(api: CheckoutApi, mails: MailWatch, orderId: string): Promise<string> {
  const view = await api.order(orderId).catch(() => undefined);
  const steps = view?.body.timeline?.map((entry) => entry.step).join(' > ') ?? '?';
  return ` (status ${view?.body.status ?? '?'}, timeline ${steps}, mails ${mails.mailsFor(orderId)})`;
}

async function run(api: CheckoutApi, mails: MailWatch, count: number, concurrency: number, budgetMs: number) {
  const results: Checkout[] = [];
  const started = performance.now();
  let issued = 0;
  const worker = async () => {
    while (issued < count && performance.now() - started < budgetMs) {
      issued += 1;
      results.push(await checkout(api, mails));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { results, elapsedMs: performance.now() - started };
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const platform = await CheckoutPlatform.start({ embeddedDatabase: true, testSmtp: false, logLevel: 'warn' });
  // Ctrl-C stops the platform too, so no launcher outlives the benchmark.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void platform.stop().finally(() => process.exit(130)));
  }
  const readyMs = Date.now() - startedAt;
  process.stdout.write(`platform ready in ${(readyMs / 1000).toFixed(1)}s; ${CHECKOUTS} checkouts, concurrency ${CONCURRENCY}\n`);
  try {
    const api = new CheckoutApi(platform.gatewayUrl);
    const mails = new MailWatch(platform.launcher);
    for (let i = 0; i < WARMUP; i++) {
      const warm = await checkout(api, mails);
      if (warm.error) throw new Error(`warm-up checkout failed: ${warm.error}\n${platform.launcher.tail(30)}`);
    }

    const { results, elapsedMs } = await run(api, mails, CHECKOUTS, CONCURRENCY, MEASURE_BUDGET_MS);
    const completed = results.filter((r) => r.endToEndMs !== undefined);
    const failed = results.filter((r) => r.error);
    // Every completed checkout really ended shipped in the read model.
    const statuses = await Promise.all(completed.map(async (r) => (await api.order(r.orderId as string)).body.status));
    const notShipped = statuses.filter((status) => status !== 'shipped').length;

    const report = {
      benchmark: 'checkout',
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, memoryMiB: Math.round(totalmem() / 1024 / 1024), node: process.version },
      method:
        'tools/launcher/main.ts as a child process (embedded broker, embedded PostgreSQL, mail capture; LOG_LEVEL=warn), all seven services; ' +
        `${WARMUP} sequential warm-up checkouts, then closed-loop workers; one checkout = POST /api/order/cart.json (customer 8080, the example cart) ` +
        'until the mail capture has stored its third mail (invoice, payment received, shipped); completed orders checked "shipped" via GET /api/order/{id}.json',
      settings: { checkouts: CHECKOUTS, concurrency: CONCURRENCY, budgetMs: MEASURE_BUDGET_MS, checkoutTimeoutMs: CHECKOUT_TIMEOUT_MS },
      platformReadyMs: readyMs,
      issued: results.length,
      completed: completed.length,
      failed: failed.length,
      notShippedInReadModel: notShipped,
      firstErrors: failed.slice(0, 5).map((r) => r.error),
      elapsedMs: Math.round(elapsedMs),
      checkoutsPerSecond: Math.round((completed.length / (elapsedMs / 1000)) * 100) / 100,
      endToEndLatency: summarize(completed.map((r) => r.endToEndMs as number)),
      cartJsonLatency: summarize(completed.map((r) => r.cartMs as number)),
    };
    const directory = join(repositoryRoot, 'bench-results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'checkout.json'), `${JSON.stringify(report, null, 2)}\n`);
    const e2e = report.endToEndLatency;
    process.stdout.write(
      `${report.completed}/${report.issued} checkouts in ${(elapsedMs / 1000).toFixed(1)}s: ${report.checkoutsPerSecond} checkouts/s, ` +
        `end-to-end p50 ${e2e.p50Ms} ms, p99 ${e2e.p99Ms} ms, max ${e2e.maxMs} ms (cart.json p50 ${report.cartJsonLatency.p50Ms} ms); ` +
        `${report.failed} failed, ${notShipped} not shipped\nwritten to bench-results/checkout.json\n`,
    );
    if (failed.length || notShipped) process.exitCode = 1;
  } finally {
    await platform.stop();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
