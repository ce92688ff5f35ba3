import type { Admin, Kafka, Producer } from 'kafkajs';
import { startBrokerUnderTest, type BrokerUnderTest } from './support/broker-under-test';
import { ConsumerHarness } from './support/consumer-harness';
import { createKafka } from './support/kafka-client';
import { uniqueName } from './support/unique-name';
import { waitFor } from './support/wait-for';

jest.setTimeout(90_000);

const PARTITIONS = 3;
const BATCHES = 40;
const PER_BATCH = 500;

describe('a sustained stream through the broker', () => {
  let broker: BrokerUnderTest;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let reader: ConsumerHarness | undefined;

  beforeAll(async () => {
    broker = await startBrokerUnderTest();
    kafka = createKafka(broker.brokers, 'volume-spec');
    admin = kafka.admin();
    producer = kafka.producer();
    await Promise.all([admin.connect(), producer.connect()]);
  });

  afterAll(async () => {
    await reader?.stop();
    await producer?.disconnect();
    await admin?.disconnect();
    await broker?.close();
  });

  it('delivers 20,000 records with contiguous offsets and no loss or duplicate', async () => {
    const topic = uniqueName('volume');
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }], waitForLeaders: true });
    const total = BATCHES * PER_BATCH;
    const padding = 'p'.repeat(100);

    const produceStart = Date.now();
    for (let b = 0; b < BATCHES; b += 1) {
      await producer.send({
        topic,
        messages: Array.from({ length: PER_BATCH }, (_, i) => ({ key: `order-${i % 50}`, value: `${b * PER_BATCH + i}:${padding}` })),
      });
    }
    const produceMs = Date.now() - produceStart;

    const consumeStart = Date.now();
    const started = await ConsumerHarness.start(kafka, { name: 'reader', groupId: uniqueName('volume'), topics: [topic], fromBeginning: true });
    reader = started;
    await waitFor(`${total} records read`, () => started.records.length >= total, { timeoutMs: 60_000 });
    const consumeMs = Date.now() - consumeStart;

    const ids = new Set(started.records.map((r) => r.value?.split(':')[0]));
    expect(started.records).toHaveLength(total);
    expect(ids.size).toBe(total);
    for (let partition = 0; partition < PARTITIONS; partition += 1) {
      const offsets = started.records.filter((r) => r.partition === partition).map((r) => Number(r.offset));
      expect(offsets).toEqual(Array.from({ length: offsets.length }, (_, i) => i));
    }
    process.stdout.write(
      `volume: produced ${total} records in ${produceMs} ms (${Math.round((total / produceMs) * 1000)}/s), ` +
        `consumed in ${consumeMs} ms (${Math.round((total / consumeMs) * 1000)}/s)\n`,
    );
  });
});
