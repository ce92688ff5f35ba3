import { CompressionTypes, type Admin, type Kafka, type Producer } from 'kafkajs';
import { startBrokerUnderTest, type BrokerUnderTest } from './support/broker-under-test';
import { ConsumerHarness } from './support/consumer-harness';
import { createKafka } from './support/kafka-client';
import { uniqueName } from './support/unique-name';
import { waitFor } from './support/wait-for';

jest.setTimeout(60_000);

describe('kafkajs producer and consumer records against the broker', () => {
  let broker: BrokerUnderTest;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const consumers: ConsumerHarness[] = [];

  async function createTopic(prefix: string, numPartitions: number): Promise<string> {
    const topic = uniqueName(prefix);
    await admin.createTopics({ topics: [{ topic, numPartitions }], waitForLeaders: true });
    return topic;
  }

  async function consume(topic: string, fromBeginning = true): Promise<ConsumerHarness> {
    const consumer = await ConsumerHarness.start(kafka, {
      name: 'reader',
      groupId: uniqueName('reader'),
      topics: [topic],
      fromBeginning,
    });
    consumers.push(consumer);
    return consumer;
  }

  async function highWatermark(topic: string): Promise<number> {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  }

  beforeAll(async () => {
    broker = await startBrokerUnderTest();
    kafka = createKafka(broker.brokers, 'records-spec');
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

  it('acks=-1 and acks=1 return consecutive offsets from the partition leader', async () => {
    const topic = await createTopic('acks-all', 1);

    const all = await producer.send({ topic, acks: -1, messages: [{ value: 'a' }, { value: 'b' }] });
    const one = await producer.send({ topic, acks: 1, messages: [{ value: 'c' }] });

    expect(all).toEqual([expect.objectContaining({ topicName: topic, partition: 0, errorCode: 0, baseOffset: '0' })]);
    expect(one).toEqual([expect.objectContaining({ topicName: topic, partition: 0, errorCode: 0, baseOffset: '2' })]);
    expect(await highWatermark(topic)).toBe(3);
  });

  it('acks=0 stores the records and the broker sends no response', async () => {
    const topic = await createTopic('acks-none', 1);
    const warnings: string[] = [];
    const watched = createKafka(broker.brokers, 'acks-none', { onLog: (entry) => warnings.push(entry.log.message) });
    const fireAndForget = watched.producer();
    await fireAndForget.connect();
    try {
      await fireAndForget.send({ topic, acks: 0, messages: [{ value: 'x' }, { value: 'y' }] });
      await fireAndForget.send({ topic, acks: 0, messages: [{ value: 'z' }] });
      // A request that expects a response after the unanswered ones proves the connection's
      // request/response pairing survived the acks=0 requests.
      const acked = await fireAndForget.send({ topic, acks: 1, messages: [{ value: 'w' }] });
      expect(acked[0]?.baseOffset).toBe('3');
    } finally {
      await fireAndForget.disconnect();
    }

    // kafkajs reports a response to a request that expected none as "Response without match".
    expect(warnings.filter((message) => /without match/i.test(message))).toEqual([]);
    await waitFor('four records stored', async () => (await highWatermark(topic)) === 4);
    const reader = await consume(topic);
    await waitFor('four records read', () => reader.records.length === 4);
    expect(reader.records.map((r) => r.value)).toEqual(['x', 'y', 'z', 'w']);
  });

  it('preserves keys, headers and timestamps, including a null key', async () => {
    const topic = await createTopic('record-fields', 1);
    const timestamp = String(Date.parse('2024-02-29T12:34:56.789Z'));

    await producer.send({
      topic,
      messages: [
        {
          key: 'order-42',
          value: JSON.stringify({ totalMinor: 1299, currency: 'EUR' }),
          timestamp,
          headers: { 'x-correlation-id': 'corr-1', 'x-event-type': 'CartUpdated', 'x-schema-version': '1' },
        },
        { key: null, value: 'keyless', timestamp: String(Number(timestamp) + 1) },
      ],
    });

    const reader = await consume(topic);
    await waitFor('two records read', () => reader.records.length === 2);

    const [keyed, keyless] = reader.records;
    expect(keyed).toEqual(
      expect.objectContaining({
        key: 'order-42',
        value: '{"totalMinor":1299,"currency":"EUR"}',
        timestamp,
        headers: { 'x-correlation-id': 'corr-1', 'x-event-type': 'CartUpdated', 'x-schema-version': '1' },
        offset: '0',
      }),
    );
    expect(keyless).toEqual(
      expect.objectContaining({ key: null, value: 'keyless', timestamp: String(Number(timestamp) + 1), offset: '1' }),
    );
  });

  it('stores and serves gzip-compressed batches', async () => {
    const topic = await createTopic('gzip', 2);
    const values = Array.from({ length: 50 }, (_, i) => `compressed-${i}-${'x'.repeat(200)}`);

    await producer.send({
      topic,
      compression: CompressionTypes.GZIP,
      messages: values.map((value, i) => ({ key: `k${i % 5}`, value, headers: { seq: String(i) } })),
    });

    const reader = await consume(topic);
    await waitFor('fifty compressed records read', () => reader.records.length === values.length);
    expect(reader.records.map((r) => r.value).sort()).toEqual([...values].sort());
    expect(reader.records.every((r) => r.headers['seq'] !== undefined)).toBe(true);
    expect(await highWatermark(topic)).toBe(values.length);
  });

  it('keeps per-key order: every key stays on one partition in the order produced', async () => {
    const topic = await createTopic('ordering', 4);
    const keys = Array.from({ length: 12 }, (_, i) => `order-${i}`);
    const rounds = 15;

    // Several sends, each a batch across keys, so ordering spans batches and requests.
    for (let round = 0; round < rounds; round += 1) {
      await producer.send({ topic, messages: keys.map((key) => ({ key, value: String(round) })) });
    }

    const reader = await consume(topic);
    await waitFor('every record read', () => reader.records.length === keys.length * rounds);

    const partitionsUsed = new Set(reader.records.map((r) => r.partition));
    expect(partitionsUsed.size).toBeGreaterThan(1);
    for (const key of keys) {
      const ofKey = reader.records.filter((r) => r.key === key);
      expect(new Set(ofKey.map((r) => r.partition)).size).toBe(1);
      expect(ofKey.map((r) => Number(r.value))).toEqual(Array.from({ length: rounds }, (_, i) => i));
      const offsets = ofKey.map((r) => BigInt(r.offset));
      expect(offsets.every((offset, i) => i === 0 || offset > (offsets[i - 1] as bigint))).toBe(true);
    }
  });

  it('auto-creates a topic a producer writes to', async () => {
    const topic = uniqueName('auto-created');

    await producer.send({ topic, messages: [{ value: 'first' }] });

    expect(await admin.listTopics()).toContain(topic);
    const reader = await consume(topic);
    await waitFor('the record read back', () => reader.records.length === 1);
    expect(reader.records[0]?.value).toBe('first');
  });
});
