import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { startBroker, type BrokerHandle, type BrokerOptions } from '../src';

const REPO_ROOT = resolve(__dirname, '../../..');

function kafkaAt(address: string): Kafka {
  return new Kafka({ brokers: [address], clientId: `restart-${randomUUID().slice(0, 8)}`, logLevel: logLevel.NOTHING, retry: { retries: 3 } });
}

interface Received {
  partition: number;
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
  timestamp: string;
}

/** Consumes until `count` messages arrived, commits, and disconnects. */
async function consume(kafka: Kafka, topic: string, groupId: string, count: number): Promise<Received[]> {
  const consumer: Consumer = kafka.consumer({ groupId, heartbeatInterval: 500 });
  const received: Received[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`only ${received.length}/${count} messages arrived`)), 20_000);
      if (count === 0) {
        clearTimeout(timer);
        done();
      }
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          received.push({
            partition,
            offset: message.offset,
            key: message.key?.toString() ?? '',
            value: message.value?.toString() ?? '',
            headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
            timestamp: message.timestamp,
          });
          if (received.length === count) {
            clearTimeout(timer);
            done();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return received;
}

async function produce(kafka: Kafka, topic: string, from: number, count: number): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    for (let i = from; i < from + count; i += 10) {
      await producer.send({
        topic,
        acks: -1,
        messages: Array.from({ length: Math.min(10, from + count - i) }, (_, j) => ({
          key: `order-${(i + j) % 7}`,
          value: `message-${i + j}`,
          headers: { 'x-seq': String(i + j) },
          timestamp: String(1_700_000_000_000 + i + j),
        })),
      });
    }
  } finally {
    await producer.disconnect();
  }
}

function values(messages: Received[]): string[] {
  return messages.map((m) => m.value).sort((a, b) => Number(a.split('-')[1]) - Number(b.split('-')[1]));
}

function expected(from: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `message-${from + i}`);
}

describe('broker restart on the same data directory', () => {
  let dataDir: string;
  const running = new Set<BrokerHandle>();
  // Every broker a test starts is closed even when an assertion fails half-way.
  const start = async (options: BrokerOptions) => {
    const handle = await startBroker(options);
    running.add(handle);
    return handle;
  };
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'broker-restart-'))));
  afterEach(async () => {
    await Promise.all([...running].map((b) => b.close()));
    running.clear();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves every acknowledged message and committed offset after close and restart', async () => {
    const topic = `restart-${randomUUID()}`;
    const groupId = `group-${randomUUID()}`;
    // Small segments, so most of the log is served from rolled (file-only) segments.
    const first = await start({ port: 0, dataDir, defaultPartitions: 3, segmentBytes: 1024 });
    let kafka = kafkaAt(first.address);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }] });
    await admin.disconnect();
    await produce(kafka, topic, 0, 60);
    const before = await consume(kafka, topic, groupId, 60);
    expect(values(before)).toEqual(expected(0, 60));
    await produce(kafka, topic, 60, 30);
    const hwmBefore = first.describe().topics[0].partitions.map((p) => p.highWatermark);
    await first.close();

    const second = await start({ port: 0, dataDir, defaultPartitions: 3, segmentBytes: 1024 });
    try {
      const description = second.describe();
      expect(description.topics.map((t) => t.name)).toEqual([topic]);
      expect(description.topics[0].partitions.map((p) => p.highWatermark)).toEqual(hwmBefore);
      expect(description.topics[0].partitions.every((p) => p.segments > 1)).toBe(true);
      const committed = description.groups.find((g) => g.groupId === groupId);
      expect(committed?.offsets.reduce((sum, o) => sum + o.lag, 0)).toBe(30);

      kafka = kafkaAt(second.address);
      // The same group resumes after its committed offsets: only the 30 unconsumed messages.
      const resumed = await consume(kafka, topic, groupId, 30);
      expect(values(resumed)).toEqual(expected(60, 30));
      // A new group sees everything, with keys, headers and timestamps as produced.
      const all = await consume(kafka, topic, `fresh-${randomUUID()}`, 90);
      expect(values(all)).toEqual(expected(0, 90));
      const sample = all.find((m) => m.value === 'message-42');
      expect(sample).toMatchObject({ key: 'order-0', headers: { 'x-seq': '42' }, timestamp: String(1_700_000_000_042) });
      // New writes continue after the recovered offsets.
      await produce(kafka, topic, 90, 10);
      const total = second.describe().topics[0].partitions.reduce((sum, p) => sum + p.highWatermark, 0);
      expect(total).toBe(100);
    } finally {
      await second.close();
    }
  });

  it('applies size retention: earliest offset advances, old committed offsets reset, and it survives restart', async () => {
    const topic = `retention-${randomUUID()}`;
    const groupId = `group-${randomUUID()}`;
    // retentionMs -1: the test's record timestamps are old on purpose; only size counts here.
    const options = { port: 0, dataDir, segmentBytes: 1024, retentionBytes: 2048, retentionMs: -1, retentionCheckIntervalMs: 50 };
    let logStartOffset = 0;
    const first = await start(options);
    try {
      const kafka = kafkaAt(first.address);
      await first.createTopic(topic, 1);
      await produce(kafka, topic, 0, 10);
      expect(await consume(kafka, topic, groupId, 10)).toHaveLength(10);
      const admin = kafka.admin();
      await admin.connect();
      await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '0' }] });
      await produce(kafka, topic, 10, 90);
      // Retention deletes whole segments, as Kafka does: what stays is at most retentionBytes plus
      // the segment that would cross it, and a segment rolls only after a batch overflows it.
      const bound = 2048 + 1024 + 256;
      const retained = () => first.describe().topics[0].partitions[0];
      // A pass that ran mid-produce may already show a moved start while the last batches still
      // exceed the limit; the log is settled once ten more passes (50 ms apart) change nothing.
      const deadline = Date.now() + 10_000;
      let unchangedSince = Date.now();
      let seen = retained().logStartOffset;
      while (Date.now() < deadline && (seen === 0 || Date.now() - unchangedSince < 500)) {
        await new Promise((r) => setTimeout(r, 50));
        const now = retained().logStartOffset;
        if (now !== seen) [seen, unchangedSince] = [now, Date.now()];
      }
      const partition = retained();
      logStartOffset = partition.logStartOffset;
      expect(logStartOffset).toBeGreaterThan(0);
      expect(partition.sizeBytes).toBeLessThanOrEqual(bound);
      const [offsets] = await admin.fetchTopicOffsets(topic);
      expect(Number(offsets.low)).toBe(logStartOffset);
      await admin.disconnect();
      // Committed offset 0 is now below the log start: OFFSET_OUT_OF_RANGE, reset to earliest.
      const after = await consume(kafka, topic, groupId, 100 - logStartOffset);
      expect(values(after)).toEqual(expected(logStartOffset, 100 - logStartOffset));
    } finally {
      await first.close();
    }

    const second = await start(options);
    try {
      expect(second.describe().topics[0].partitions[0].logStartOffset).toBe(logStartOffset);
      const everything = await consume(kafkaAt(second.address), topic, `fresh-${randomUUID()}`, 100 - logStartOffset);
      expect(values(everything)).toEqual(expected(logStartOffset, 100 - logStartOffset));
    } finally {
      await second.close();
    }
  });

  describe('after SIGKILL of the broker process', () => {
    const children = new Set<ChildProcess>();
    afterEach(() => {
      for (const child of children) child.kill('SIGKILL');
      children.clear();
    });

    function startCli(dir: string): Promise<{ child: ChildProcess; address: string }> {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', 'libs/kafka-broker/src/cli.ts', '--port', '0', '--data-dir', dir], {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      return new Promise((done, fail) => {
        let output = '';
        const timer = setTimeout(() => fail(new Error(`broker did not start: ${output}`)), 20_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (\S+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            done({ child, address: match[1] });
          }
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        child.once('exit', (code) => fail(new Error(`broker exited with ${code}: ${output}`)));
      });
    }

    function kill9(child: ChildProcess): Promise<void> {
      return new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGKILL');
      });
    }

    it('loses no acknowledged message and keeps committed offsets', async () => {
      const topic = `sigkill-${randomUUID()}`;
      const groupId = `group-${randomUUID()}`;
      const first = await startCli(dataDir);
      let kafka = kafkaAt(first.address);
      await produce(kafka, topic, 0, 50);
      const consumed = await consume(kafka, topic, groupId, 50);
      expect(consumed).toHaveLength(50);
      await produce(kafka, topic, 50, 25);
      await kill9(first.child);
      children.delete(first.child);

      const second = await startCli(dataDir);
      kafka = kafkaAt(second.address);
      const resumed = await consume(kafka, topic, groupId, 25);
      expect(values(resumed)).toEqual(expected(50, 25));
      const everything = await consume(kafka, topic, `fresh-${randomUUID()}`, 75);
      expect(values(everything)).toEqual(expected(0, 75));
      await kill9(second.child);
    });
  });
});
