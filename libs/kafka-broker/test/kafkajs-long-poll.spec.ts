import type { Admin, Kafka, Producer } from 'kafkajs';
import { startBrokerUnderTest, type BrokerUnderTest } from './support/broker-under-test';
import { ConsumerHarness } from './support/consumer-harness';
import { createKafka } from './support/kafka-client';
import { uniqueName } from './support/unique-name';
import { sleep, waitFor } from './support/wait-for';

jest.setTimeout(60_000);

describe('fetch long-poll against the broker', () => {
  let broker: BrokerUnderTest;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  const consumers: ConsumerHarness[] = [];

  async function emptyTopicConsumer(maxWaitTimeInMs: number): Promise<{ topic: string; consumer: ConsumerHarness }> {
    const topic = uniqueName('long-poll');
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    const consumer = await ConsumerHarness.start(kafka, {
      name: 'poller',
      groupId: uniqueName('poller'),
      topics: [topic],
      fromBeginning: true,
      config: { maxWaitTimeInMs },
    });
    consumers.push(consumer);
    await waitFor('the first fetch answered', () => consumer.fetchRequests.length > 0, { timeoutMs: maxWaitTimeInMs * 3 });
    return { topic, consumer };
  }

  beforeAll(async () => {
    broker = await startBrokerUnderTest();
    kafka = createKafka(broker.brokers, 'long-poll-spec');
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

  it('holds a fetch on an empty topic for max_wait instead of answering at once', async () => {
    const maxWait = 1_000;
    const { consumer } = await emptyTopicConsumer(maxWait);

    const countBefore = consumer.fetchRequests.length;
    const windowMs = 3_000;
    await sleep(windowMs);
    const observed = consumer.fetchRequests.slice(countBefore);
    process.stdout.write(
      `long poll: ${observed.length} empty fetches in ${windowMs} ms, durations ${observed.map((f) => f.durationMs).join(', ')} ms\n`,
    );

    // An immediate empty answer would let the client spin through hundreds of fetches.
    expect(observed.length).toBeGreaterThanOrEqual(1);
    expect(observed.length).toBeLessThanOrEqual(Math.ceil(windowMs / maxWait) + 1);
    for (const fetch of observed) expect(fetch.durationMs).toBeGreaterThanOrEqual(maxWait * 0.8);
  });

  it('wakes a waiting fetch when a record arrives, well before max_wait', async () => {
    const maxWait = 4_000;
    const { topic, consumer } = await emptyTopicConsumer(maxWait);
    const latencies: number[] = [];

    for (let i = 0; i < 3; i += 1) {
      // Let the next fetch reach the broker and start waiting.
      await sleep(300);
      const startedAt = Date.now();
      await producer.send({ topic, messages: [{ value: `wake-${i}` }] });
      await waitFor(`record wake-${i} delivered`, () => consumer.records.length === i + 1, { intervalMs: 5 });
      latencies.push(Date.now() - startedAt);
    }

    process.stdout.write(`long poll: produce-to-delivery latencies ${latencies.join(', ')} ms (max_wait ${maxWait} ms)\n`);
    expect(consumer.records.map((r) => r.value)).toEqual(['wake-0', 'wake-1', 'wake-2']);
    expect(Math.max(...latencies)).toBeLessThan(500);
  });
});
