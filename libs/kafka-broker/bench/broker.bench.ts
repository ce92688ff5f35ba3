// Broker throughput and latency through kafkajs: 256-byte messages, batches of 100, acks -1,
// 3 partitions; single-message produce-to-consume latency. Runs the broker as its own process
// (like a real deployment), once in memory and once with a data directory.
// Usage: npm run bench:broker  (writes bench-results/broker.json)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';

const REPO_ROOT = resolve(__dirname, '../../..');
const MESSAGE_BYTES = 256;
const BATCH = 100;
const PRODUCE_MESSAGES = Number(process.env.BENCH_MESSAGES ?? 60_000);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 500);
const PHASE_LIMIT_MS = 20_000;

interface ScenarioResult {
  scenario: string;
  messages: number;
  produceMsgsPerSec: number;
  produceConcurrent4MsgsPerSec: number;
  consumeMsgsPerSec: number;
  latencyMs: { samples: number; p50: number; p99: number; max: number };
}

function startBrokerProcess(dataDir: string | null, flushIntervalMs: number): Promise<{ child: ChildProcess; address: string }> {
  const args = ['-r', '@swc-node/register', 'libs/kafka-broker/src/cli.ts', '--port', '0', '--partitions', '3'];
  if (dataDir) args.push('--data-dir', dataDir, '--flush-interval-ms', String(flushIntervalMs));
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done, fail) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\S+)/.exec(output);
      if (match) done({ child, address: match[1] });
    });
    child.once('exit', (code) => fail(new Error(`broker exited (${code}): ${output}`)));
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

async function produceAll(producer: Producer, topic: string, total: number, concurrency: number): Promise<number> {
  const value = Buffer.alloc(MESSAGE_BYTES, 0x61);
  const messages = Array.from({ length: BATCH }, (_, i) => ({ key: `order-${i}`, value }));
  let sent = 0;
  const started = performance.now();
  const worker = async () => {
    while (sent < total && performance.now() - started < PHASE_LIMIT_MS) {
      sent += BATCH;
      await producer.send({ topic, acks: -1, messages });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return sent / ((performance.now() - started) / 1000);
}

async function runScenario(name: string, dataDir: string | null, flushIntervalMs = 1000): Promise<ScenarioResult> {
  const broker = await startBrokerProcess(dataDir, flushIntervalMs);
  const kafka = new Kafka({ brokers: [broker.address], clientId: `bench-${name}`, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topic = `bench-${name}`;
  const latencyTopic = `bench-latency-${name}`;
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }, { topic: latencyTopic, numPartitions: 3 }] });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  try {
    // Warm-up so connection set-up and JIT do not count.
    await produceAll(producer, `${topic}-warmup`, 10_000, 2);

    const produceRate = await produceAll(producer, topic, PRODUCE_MESSAGES, 1);
    const concurrentRate = await produceAll(producer, `${topic}-concurrent`, PRODUCE_MESSAGES, 4);
    const offsets = await (async () => {
      const a = kafka.admin();
      await a.connect();
      const o = await a.fetchTopicOffsets(topic);
      await a.disconnect();
      return o.reduce((sum, p) => sum + Number(p.high), 0);
    })();

    const consumer = kafka.consumer({ groupId: `bench-consume-${name}`, maxBytesPerPartition: 1024 * 1024 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    let consumed = 0;
    let firstAt = 0;
    const consumeRate = await new Promise<number>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`consumed ${consumed}/${offsets}`)), PHASE_LIMIT_MS * 2);
      void consumer.run({
        eachBatchAutoResolve: true,
        eachBatch: async ({ batch }) => {
          if (firstAt === 0) firstAt = performance.now();
          consumed += batch.messages.length;
          if (consumed >= offsets) {
            clearTimeout(timer);
            done(consumed / ((performance.now() - firstAt) / 1000));
          }
        },
      });
    });
    await consumer.disconnect();

    const latencyConsumer = kafka.consumer({ groupId: `bench-latency-${name}`, maxWaitTimeInMs: 5000 });
    await latencyConsumer.connect();
    await latencyConsumer.subscribe({ topic: latencyTopic, fromBeginning: false });
    let onReceive: ((sentAt: number) => void) | null = null;
    const joined = new Promise<void>((done) => latencyConsumer.on(latencyConsumer.events.GROUP_JOIN, () => done()));
    void latencyConsumer.run({
      eachMessage: async ({ message }) => onReceive?.(Number(message.value?.toString('utf8', 0, 20))),
    });
    await joined;
    await new Promise((r) => setTimeout(r, 300));
    const samples: number[] = [];
    const padding = Buffer.alloc(MESSAGE_BYTES - 20, 0x62);
    const deadline = performance.now() + PHASE_LIMIT_MS;
    for (let i = 0; i < LATENCY_SAMPLES && performance.now() < deadline; i++) {
      const received = new Promise<number>((done) => (onReceive = (sentAt) => done(performance.now() - sentAt)));
      const sentAt = performance.now();
      const value = Buffer.concat([Buffer.from(sentAt.toFixed(6).padStart(20, '0')), padding]);
      await producer.send({ topic: latencyTopic, acks: -1, messages: [{ key: `k${i}`, value }] });
      samples.push(await received);
    }
    await latencyConsumer.disconnect();
    samples.sort((a, b) => a - b);
    return {
      scenario: name,
      messages: offsets,
      produceMsgsPerSec: round(produceRate),
      produceConcurrent4MsgsPerSec: round(concurrentRate),
      consumeMsgsPerSec: round(consumeRate),
      latencyMs: { samples: samples.length, p50: round(percentile(samples, 50), 2), p99: round(percentile(samples, 99), 2), max: round(samples[samples.length - 1], 2) },
    };
  } finally {
    await producer.disconnect();
    broker.child.kill('SIGTERM');
    await new Promise((r) => broker.child.once('exit', r));
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'broker-bench-'));
  const results: ScenarioResult[] = [];
  try {
    results.push(await runScenario('in-memory', null));
    results.push(await runScenario('data-dir', join(dataDir, 'interval')));
    results.push(await runScenario('data-dir-fsync-each-write', join(dataDir, 'each'), 0));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const report = {
    benchmark: 'kafka-broker via kafkajs 2.2.4',
    date: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    setup: {
      messageBytes: MESSAGE_BYTES,
      batch: BATCH,
      acks: -1,
      partitions: 3,
      brokerProcess: 'separate process (CLI)',
      fsync: { 'data-dir': 'every 1000 ms; acknowledged after write()', 'data-dir-fsync-each-write': 'fdatasync before each acknowledgement' },
    },
    results,
    durationMs: Date.now() - started,
  };
  const outDir = join(REPO_ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'broker.json'), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
