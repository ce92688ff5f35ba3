import type { Admin, Kafka, Producer } from 'kafkajs';
import { startBrokerUnderTest, type BrokerUnderTest } from './support/broker-under-test';
import { ConsumerHarness } from './support/consumer-harness';
import { createKafka } from './support/kafka-client';
import { assertKcatInstalled, runKcat, runKcatOk } from './support/kcat-runner';
import { uniqueName } from './support/unique-name';
import { waitFor } from './support/wait-for';

jest.setTimeout(60_000);

interface KcatMetadata {
  brokers: { id: number; name: string }[];
  topics: { topic: string; partitions: { partition: number; leader: number }[] }[];
}

interface KcatRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  payload: string | null;
  headers?: string[];
}

function parseRecords(stdout: string): KcatRecord[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line) as KcatRecord);
}

function headerPairs(headers: string[] | undefined): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (let i = 0; i + 1 < (headers?.length ?? 0); i += 2) pairs[headers?.[i] as string] = headers?.[i + 1] as string;
  return pairs;
}

describe('kcat (librdkafka) against the broker', () => {
  let broker: BrokerUnderTest;
  let bootstrap: string;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const consumers: ConsumerHarness[] = [];

  async function createTopic(prefix: string, numPartitions: number): Promise<string> {
    const topic = uniqueName(prefix);
    await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
    return topic;
  }

  beforeAll(async () => {
    assertKcatInstalled();
    broker = await startBrokerUnderTest();
    bootstrap = broker.brokers.join(',');
    kafka = createKafka(broker.brokers, 'kcat-spec');
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.disconnect();
    await broker?.close();
  });

  it('lists metadata (-L) with reachable brokers and the topic partitions and leaders', async () => {
    const topic = await createTopic('kcat-metadata', 3);

    const metadata = JSON.parse(await runKcatOk(['-b', bootstrap, '-L', '-J', '-t', topic])) as KcatMetadata;

    expect(metadata.brokers.length).toBeGreaterThanOrEqual(1);
    if (broker.embedded) expect(metadata.brokers.map((b) => b.name)).toEqual([broker.brokers[0]]);
    const described = metadata.topics.find((t) => t.topic === topic);
    expect(described?.partitions.map((p) => p.partition).sort()).toEqual([0, 1, 2]);
    const brokerIds = new Set(metadata.brokers.map((b) => b.id));
    for (const partition of described?.partitions ?? []) expect(brokerIds.has(partition.leader)).toBe(true);
  });

  it('produces with kcat (-P, key, headers, gzip) and kafkajs reads it', async () => {
    const topic = await createTopic('kcat-produce', 1);

    await runKcatOk(
      ['-b', bootstrap, '-P', '-t', topic, '-K', '|', '-z', 'gzip', '-H', 'x-event-type=CartUpdated', '-H', 'x-correlation-id=c-9'],
      { input: 'order-7|{"totalMinor":500}\norder-8|{"totalMinor":700}\n' },
    );

    const reader = await ConsumerHarness.start(kafka, { name: 'reader', groupId: uniqueName('kcat-reader'), topics: [topic], fromBeginning: true });
    consumers.push(reader);
    await waitFor('both kcat records read by kafkajs', () => reader.records.length === 2);
    expect(reader.records.map(({ key, value, headers }) => ({ key, value, headers }))).toEqual([
      { key: 'order-7', value: '{"totalMinor":500}', headers: { 'x-event-type': 'CartUpdated', 'x-correlation-id': 'c-9' } },
      { key: 'order-8', value: '{"totalMinor":700}', headers: { 'x-event-type': 'CartUpdated', 'x-correlation-id': 'c-9' } },
    ]);
  });

  it('consumes with kcat (-C -e) what kafkajs produced, with key and headers', async () => {
    const topic = await createTopic('kcat-consume', 2);
    await producer.send({
      topic,
      messages: [
        { partition: 0, key: 'order-1', value: 'first', headers: { 'x-correlation-id': 'a-1' } },
        { partition: 1, key: 'order-2', value: 'second', headers: { 'x-correlation-id': 'a-2' } },
        { partition: 0, key: 'order-1', value: 'third', headers: { 'x-correlation-id': 'a-3' } },
      ],
    });

    const records = parseRecords(await runKcatOk(['-b', bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-J']));

    const simplified = records
      .map((r) => ({ partition: r.partition, offset: r.offset, key: r.key, payload: r.payload, headers: headerPairs(r.headers) }))
      .sort((x, y) => x.partition - y.partition || x.offset - y.offset);
    expect(simplified).toEqual([
      { partition: 0, offset: 0, key: 'order-1', payload: 'first', headers: { 'x-correlation-id': 'a-1' } },
      { partition: 0, offset: 1, key: 'order-1', payload: 'third', headers: { 'x-correlation-id': 'a-3' } },
      { partition: 1, offset: 0, key: 'order-2', payload: 'second', headers: { 'x-correlation-id': 'a-2' } },
    ]);
  });

  it('consumes in a group (-G) and commits the offsets kafkajs then reports', async () => {
    const topic = await createTopic('kcat-group', 3);
    const groupId = uniqueName('kcat-group');
    const values = Array.from({ length: 9 }, (_, i) => `grouped-${i}`);
    await producer.send({ topic, messages: values.map((value, i) => ({ partition: i % 3, key: `k${i}`, value })) });

    const records = parseRecords(
      await runKcatOk(['-b', bootstrap, '-G', groupId, '-X', 'auto.offset.reset=earliest', '-e', '-J', topic], { timeoutMs: 40_000 }),
    );

    expect(records.map((r) => r.payload).sort()).toEqual([...values].sort());
    await waitFor('kcat group offsets committed', async () => {
      const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
      return (offsets[0]?.partitions ?? []).every((p) => p.offset === '3');
    }, { timeoutMs: 15_000 });
  });

  it('stores lz4 and snappy batches from kcat untouched and serves them back to kcat', async () => {
    const topic = await createTopic('kcat-codecs', 1);

    await runKcatOk(['-b', bootstrap, '-P', '-t', topic, '-z', 'lz4', '-K', '|'], { input: 'a|lz4-one\na|lz4-two\n' });
    await runKcatOk(['-b', bootstrap, '-P', '-t', topic, '-z', 'snappy', '-K', '|'], { input: 'b|snappy-one\n' });

    const records = parseRecords(await runKcatOk(['-b', bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-J']));
    expect(records.map((r) => [r.offset, r.key, r.payload])).toEqual([
      [0, 'a', 'lz4-one'],
      [1, 'a', 'lz4-two'],
      [2, 'b', 'snappy-one'],
    ]);
  });

  it('answers a kcat consumer of a missing topic with an unknown-topic error and creates nothing', async () => {
    const missing = uniqueName('kcat-missing');

    const result = await runKcat(['-b', bootstrap, '-C', '-t', missing, '-e']);

    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/unknown topic or partition/i);
    expect(await admin.listTopics()).not.toContain(missing);
  });
});
