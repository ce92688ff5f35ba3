import { Kafka, logLevel } from 'kafkajs';
import { randomIdentifier, startTestKafka } from '../src';

describe('startTestKafka', () => {
  const saved = process.env['KAFKA_BROKERS'];

  afterEach(() => {
    if (saved === undefined) delete process.env['KAFKA_BROKERS'];
    else process.env['KAFKA_BROKERS'] = saved;
  });

  it('uses KAFKA_BROKERS when set, without starting anything', async () => {
    process.env['KAFKA_BROKERS'] = 'kafka-a:9092, kafka-b:9092';
    const kafka = await startTestKafka();
    expect(kafka.source).toBe('env');
    expect(kafka.brokers).toEqual(['kafka-a:9092', 'kafka-b:9092']);
    await kafka.stop();
  });

  it('otherwise starts a broker (embedded without a container runtime) that kafkajs can use', async () => {
    delete process.env['KAFKA_BROKERS'];
    const kafka = await startTestKafka();
    try {
      expect(['embedded', 'testcontainers']).toContain(kafka.source);
      const client = new Kafka({ clientId: 'test-kafka-spec', brokers: kafka.brokers, logLevel: logLevel.NOTHING });
      const admin = client.admin();
      await admin.connect();
      const topic = randomIdentifier('topic');
      await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
      expect(await admin.listTopics()).toContain(topic);
      await admin.disconnect();
      if (kafka.source === 'embedded') {
        expect(kafka.broker?.describe().topics.map((t: { name: string }) => t.name)).toContain(topic);
      }
    } finally {
      await kafka.stop();
    }
  });
});
