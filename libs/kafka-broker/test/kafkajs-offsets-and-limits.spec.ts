import type { Admin, Kafka, Producer } from 'kafkajs';
import { startBrokerUnderTest, type BrokerUnderTest } from './support/broker-under-test';
import { ConsumerHarness } from './support/consumer-harness';
import { createKafka } from './support/kafka-client';
import { uniqueName } from './support/unique-name';
import { sleep, waitFor } from './support/wait-for';

jest.setTimeout(60_000);

describe('offsets, positions and size limits against the broker', () => {
  let broker: BrokerUnderTest;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const consumers: ConsumerHarness[] = [];

  async function createTopic(prefix: string, numPartitions = 1): Promise<string> {
    const topic = uniqueName(prefix);
    await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
    return topic;
  }

  async function highWatermark(topic: string): Promise<string | undefined> {
    return (await admin.fetchTopicOffsets(topic)).find((p) => p.partition === 0)?.high;
  }

  beforeAll(async () => {
    broker = await startBrokerUnderTest();
    kafka = createKafka(broker.brokers, 'offsets-spec');
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

  it('starts a group at a committed offset that lies inside a stored batch', async () => {
    const topic = await createTopic('mid-batch');
    const groupId = uniqueName('mid-batch');
    // One send, one batch: offsets 0..9 live in a single record batch.
    await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: `m${i}` })) });
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '5' }] });

    const reader = await ConsumerHarness.start(kafka, { name: 'reader', groupId, topics: [topic], fromBeginning: true });
    consumers.push(reader);
    await waitFor('five records from offset 5 read', () => reader.records.length >= 5);
    await sleep(300);

    expect(reader.records.map((r) => [r.offset, r.value])).toEqual([
      ['5', 'm5'],
      ['6', 'm6'],
      ['7', 'm7'],
      ['8', 'm8'],
      ['9', 'm9'],
    ]);
  });

  it('returns a first batch larger than the fetch limits instead of stalling the consumer', async () => {
    const topic = await createTopic('oversized');
    const big = 'b'.repeat(20_000);
    await producer.send({ topic, messages: [{ key: 'big', value: big }, { key: 'small', value: 'after' }] });

    const reader = await ConsumerHarness.start(kafka, {
      name: 'reader',
      groupId: uniqueName('oversized'),
      topics: [topic],
      fromBeginning: true,
      config: { maxBytesPerPartition: 1_024, maxBytes: 2_048 },
    });
    consumers.push(reader);
    await waitFor('both records read despite the small limits', () => reader.records.length === 2);

    expect(reader.records.map((r) => r.key)).toEqual(['big', 'small']);
    expect(reader.records[0]?.value).toBe(big);
  });

  it('rejects a batch over the maximum message size and keeps serving the partition', async () => {
    const topic = await createTopic('too-large');
    const tooLarge = 'x'.repeat(2 * 1024 * 1024);

    await expect(producer.send({ topic, acks: -1, messages: [{ value: tooLarge }] })).rejects.toThrow(
      /larger than the max message size/i,
    );
    expect(await highWatermark(topic)).toBe('0');

    const ok = await producer.send({ topic, messages: [{ value: 'fits' }] });
    expect(ok[0]?.baseOffset).toBe('0');
  });

  it('finds the first offset at or after a timestamp (ListOffsets by time)', async () => {
    const topic = await createTopic('by-time');
    const base = Date.parse('2025-01-01T00:00:00.000Z');
    // One batch per record: the broker resolves time lookups to batch boundaries, while Kafka
    // resolves them to the record; separate batches make both answers the same.
    for (const i of [0, 1, 2]) {
      await producer.send({ topic, messages: [{ value: `t${i}`, timestamp: String(base + i * 1_000) }] });
    }

    const [atSecond] = await admin.fetchTopicOffsetsByTimestamp(topic, base + 500);
    const [atFirst] = await admin.fetchTopicOffsetsByTimestamp(topic, base - 10_000);

    expect(atSecond).toEqual(expect.objectContaining({ partition: 0, offset: '1' }));
    expect(atFirst).toEqual(expect.objectContaining({ partition: 0, offset: '0' }));
  });

  it('accepts an idempotent producer and stores each record once', async () => {
    const topic = await createTopic('idempotent');
    const idempotent = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await idempotent.connect();
    try {
      const first = await idempotent.send({ topic, messages: [{ value: 'i0' }, { value: 'i1' }] });
      const second = await idempotent.send({ topic, messages: [{ value: 'i2' }] });
      expect(first[0]?.baseOffset).toBe('0');
      expect(second[0]?.baseOffset).toBe('2');
    } finally {
      await idempotent.disconnect();
    }

    const reader = await ConsumerHarness.start(kafka, { name: 'reader', groupId: uniqueName('idempotent'), topics: [topic], fromBeginning: true });
    consumers.push(reader);
    await waitFor('three records read', () => reader.records.length >= 3);
    await sleep(300);
    expect(reader.records.map((r) => r.value)).toEqual(['i0', 'i1', 'i2']);
  });
});
