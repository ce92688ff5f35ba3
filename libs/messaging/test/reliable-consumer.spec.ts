import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { dlqTopic, TypedEvent } from '@order-platform/contracts';
import { readTopic, startTestKafka, TestKafka, waitFor } from '@order-platform/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { kafkaServerOptions, redriveDeadLetters, ReliableEventHandler } from '../src';
import { cartUpdated } from './support/messaging-fixture';

const TOPIC = `reliable_${randomBytes(5).toString('hex')}`;
const attempts = new Map<string, number>();
const handled: { orderId: string; redriveCount?: string }[] = [];
const alwaysFailing = new Set<string>();

@Controller()
class OrderEventsController {
  @EventPattern(TOPIC)
  @ReliableEventHandler({ consumerGroup: 'reliable-spec', maxAttempts: 3, backoff: { initialDelayMs: 20, maxDelayMs: 50 } })
  async onEvent(@Payload() event: TypedEvent<'CartUpdated'>, @Ctx() context: KafkaContext): Promise<void> {
    attempts.set(event.orderId, (attempts.get(event.orderId) ?? 0) + 1);
    if (alwaysFailing.has(event.orderId)) throw new Error(`cannot bill ${event.orderId}`);
    const redriveCount = context.getMessage().headers?.['x-redrive-count'];
    handled.push({ orderId: event.orderId, redriveCount: redriveCount === undefined ? undefined : String(redriveCount) });
  }
}

@Module({ controllers: [OrderEventsController] })
class ConsumerModule {}

describe('reliable consumer: retry, dead-letter topic and redrive over Kafka', () => {
  let kafka: TestKafka;
  let app: INestMicroservice;
  let producer: Producer;

  beforeAll(async () => {
    kafka = await startTestKafka();
    const client = new Kafka({ clientId: 'reliable-spec', brokers: kafka.brokers, logLevel: logLevel.NOTHING });
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 3 }, { topic: dlqTopic(TOPIC), numPartitions: 3 }] });
    await admin.disconnect();
    producer = client.producer();
    await producer.connect();
    const options = kafkaServerOptions({
      clientId: 'reliable-spec',
      groupId: `reliable-${randomBytes(4).toString('hex')}`,
      brokers: kafka.brokers,
      logLevel: logLevel.NOTHING,
    });
    app = await NestFactory.createMicroservice(ConsumerModule, { ...options, logger: false });
    await app.listen();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    await kafka?.stop();
  });

  it('dead-letters a failing event after N attempts, moves on to the next one, dead-letters an invalid envelope, and redrives', async () => {
    const poison = cartUpdated(`ord-poison-${randomBytes(3).toString('hex')}`);
    const invalid = { ...cartUpdated(), payload: { currency: 'EUR' } };
    const healthy = cartUpdated();
    alwaysFailing.add(poison.orderId);
    // One key => one partition: the healthy event waits behind the poison one.
    const key = 'same-partition';
    await producer.send({
      topic: TOPIC,
      acks: -1,
      messages: [poison, invalid, healthy].map((event) => ({ key, value: JSON.stringify(event), headers: { 'x-correlation-id': event.correlationId } })),
    });

    await waitFor(() => handled.some((h) => h.orderId === healthy.orderId), { timeoutMs: 20_000, description: 'the healthy event' });
    expect(attempts.get(poison.orderId)).toBe(3);
    expect(attempts.has(invalid.orderId)).toBe(false);

    const dead = await readTopic(kafka.brokers, dlqTopic(TOPIC), { count: 2, settleMs: 300 });
    const [poisonDead, invalidDead] = [
      dead.find((m) => m.headers['x-dlq-reason'] === 'retries-exhausted'),
      dead.find((m) => m.headers['x-dlq-reason'] === 'invalid-envelope'),
    ];
    expect(poisonDead?.key).toBe(key);
    expect(JSON.parse(poisonDead?.value ?? '{}').id).toBe(poison.id);
    expect(poisonDead?.headers).toMatchObject({
      'x-correlation-id': poison.correlationId,
      'x-dlq-original-topic': TOPIC,
      'x-dlq-attempts': '3',
      'x-dlq-error': `cannot bill ${poison.orderId}`,
      'x-dlq-consumer-group': 'reliable-spec',
    });
    expect(poisonDead?.headers['x-dlq-original-offset']).toMatch(/^\d+$/);
    expect(poisonDead?.headers['x-dlq-error-stack']).toContain('cannot bill');
    expect(invalidDead?.headers['x-dlq-validation-errors']).toContain('payload.orderId');

    // The bug is fixed: redrive puts both back; the poison event now succeeds, the invalid one
    // is dead-lettered again.
    alwaysFailing.delete(poison.orderId);
    const result = await redriveDeadLetters({ brokers: kafka.brokers, topic: TOPIC, timeoutMs: 20_000 });
    expect(result).toEqual({ moved: 2, remaining: 0 });
    await waitFor(() => handled.find((h) => h.orderId === poison.orderId), { timeoutMs: 20_000, description: 'the redriven event' });
    expect(handled.find((h) => h.orderId === poison.orderId)?.redriveCount).toBe('1');

    // Nothing is moved twice; the invalid event's second dead letter is new work.
    const again = await readTopic(kafka.brokers, dlqTopic(TOPIC), { count: 3 });
    expect(again.filter((m) => m.headers['x-dlq-reason'] === 'invalid-envelope').map((m) => m.headers['x-redrive-count'])).toEqual([
      undefined,
      '1',
    ]);

    // The CLI moves the remaining dead letter.
    const cli = join(__dirname, '..', 'src', 'cli', 'redrive.ts');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', cli, '--topic', TOPIC, '--brokers', kafka.brokers.join(','), '--timeout-ms', '20000'],
      { cwd: join(__dirname, '..', '..', '..'), timeout: 60_000 },
    );
    expect(JSON.parse(stdout.trim())).toEqual({ topic: TOPIC, moved: 1, remaining: 0 });
  }, 90_000);
});
