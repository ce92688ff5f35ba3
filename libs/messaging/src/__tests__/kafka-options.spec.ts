import { Transport } from '@nestjs/microservices';
import { kafkaClientOptions, kafkaServerOptions, parseBrokers } from '../kafka/kafka-options';

describe('kafka options', () => {
  const input = { clientId: 'billing', groupId: 'billing', brokers: ['127.0.0.1:9092'] };

  it('returns a fresh object each call, because ServerKafka mutates what it gets', () => {
    const a = kafkaServerOptions(input);
    const b = kafkaServerOptions(input);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(a.options).not.toBe(b.options);
    expect(a.options?.consumer).not.toBe(b.options?.consumer);
    expect(a.options?.client?.brokers).not.toBe(input.brokers);
    (a.options?.consumer as { groupId: string }).groupId = 'mutated';
    expect(kafkaServerOptions(input).options?.consumer?.groupId).toBe('billing');
  });

  it('uses the Kafka transport, acks -1, no idempotent producer and reads new groups from the start', () => {
    for (const options of [kafkaServerOptions(input), kafkaClientOptions(input)]) {
      expect(options.transport).toBe(Transport.KAFKA);
      expect(options.options?.send?.acks).toBe(-1);
      expect(options.options?.producer?.idempotent).toBe(false);
      expect(options.options?.subscribe?.fromBeginning).toBe(true);
      expect(options.options?.consumer?.sessionTimeout).toBeGreaterThan(options.options?.consumer?.heartbeatInterval ?? 0);
    }
  });

  it('parses KAFKA_BROKERS and names it when wrong', () => {
    expect(parseBrokers(' a:9092 ,b:19092')).toEqual(['a:9092', 'b:19092']);
    expect(() => parseBrokers(undefined)).toThrow(/KAFKA_BROKERS is required/);
    expect(() => parseBrokers('nohost')).toThrow(/KAFKA_BROKERS: 'nohost'/);
  });
});
