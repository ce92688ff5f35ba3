import { createEvent, dlqTopic } from '@order-platform/contracts';
import type { IHeaders } from 'kafkajs';
import { NonRetryableError } from '../retry/non-retryable.error';
import { IncomingMessage, processReliably, ReliableDeps } from '../retry/process-reliably';

interface SentRecord {
  topic: string;
  messages: { key: unknown; value: unknown; headers: IHeaders }[];
}

function fakeProducer(failures = 0) {
  const sent: SentRecord[] = [];
  let toFail = failures;
  return {
    sent,
    send: jest.fn(async (record: SentRecord) => {
      if (toFail-- > 0) throw new Error('broker down');
      sent.push(record);
      return [];
    }),
  };
}

function message(value: unknown, topic = 'CartUpdated'): IncomingMessage {
  return { topic, partition: 2, offset: '41', key: 'ord-1', value, headers: { 'x-correlation-id': 'corr-1' } };
}

const event = createEvent(
  'CartUpdated',
  {
    orderId: 'ord-1',
    customerId: 'cus-1',
    currency: 'EUR',
    items: [{ productId: 'p', quantity: 1, unitPriceMinor: 100 }],
    subtotalMinor: 100,
    taxMinor: 0,
    totalMinor: 100,
  },
  { correlationId: 'corr-1' },
);

const asProducer = (producer: ReturnType<typeof fakeProducer>) => producer as unknown as ReliableDeps['producer'];
const deps = (producer: ReturnType<typeof fakeProducer>): ReliableDeps => ({
  producer: asProducer(producer),
  sleep: async () => undefined,
  heartbeat: jest.fn(async () => undefined),
});

describe('processReliably', () => {
  it('hands the typed event to the handler and reports success', async () => {
    const producer = fakeProducer();
    const handler = jest.fn(async () => undefined);
    const outcome = await processReliably(message(event), handler, deps(producer));
    expect(outcome).toEqual({ status: 'handled', attempts: 1 });
    expect(handler).toHaveBeenCalledWith(expect.objectContaining({ id: event.id, type: 'CartUpdated' }), 1);
    expect(producer.sent).toHaveLength(0);
  });

  it('retries transient failures with backoff and succeeds', async () => {
    const producer = fakeProducer();
    const sleeps: number[] = [];
    let calls = 0;
    const outcome = await processReliably(
      message(event),
      async () => {
        if (++calls < 3) throw new Error('db busy');
      },
      { producer: asProducer(producer), sleep: async (ms) => void sleeps.push(ms) },
      { maxAttempts: 5, backoff: { initialDelayMs: 100, jitter: 0 } },
    );
    expect(outcome).toEqual({ status: 'handled', attempts: 3 });
    expect(sleeps).toEqual([100, 200]);
  });

  it('dead-letters after the attempt budget with error, stack, coordinates, key and headers', async () => {
    const producer = fakeProducer();
    const handler = jest.fn(async () => {
      throw new Error('always broken');
    });
    const outcome = await processReliably(message(event), handler, deps(producer), { maxAttempts: 3, consumerGroup: 'billing' });
    expect(handler).toHaveBeenCalledTimes(3);
    expect(outcome).toMatchObject({ status: 'dead-lettered', reason: 'retries-exhausted', attempts: 3 });
    expect(producer.sent).toHaveLength(1);
    const [record] = producer.sent;
    expect(record.topic).toBe(dlqTopic('CartUpdated'));
    const [dead] = record.messages;
    expect(dead.key).toBe('ord-1');
    expect(JSON.parse(String(dead.value))).toEqual(JSON.parse(JSON.stringify(event)));
    expect(dead.headers).toMatchObject({
      'x-correlation-id': 'corr-1',
      'x-dlq-original-topic': 'CartUpdated',
      'x-dlq-original-partition': '2',
      'x-dlq-original-offset': '41',
      'x-dlq-reason': 'retries-exhausted',
      'x-dlq-error': 'always broken',
      'x-dlq-attempts': '3',
      'x-dlq-consumer-group': 'billing',
    });
    expect(String(dead.headers['x-dlq-error-stack'])).toContain('always broken');
  });

  it('dead-letters a NonRetryableError at once', async () => {
    const producer = fakeProducer();
    const handler = jest.fn(async () => {
      throw new NonRetryableError('unknown product');
    });
    const outcome = await processReliably(message(event), handler, deps(producer), { maxAttempts: 5 });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(outcome).toMatchObject({ status: 'dead-lettered', reason: 'non-retryable', attempts: 1 });
  });

  it('dead-letters an invalid envelope without calling the handler, with the validation errors', async () => {
    const producer = fakeProducer();
    const handler = jest.fn(async () => undefined);
    const bad = { ...event, id: 'nope', payload: { ...event.payload, totalMinor: -1 } };
    const outcome = await processReliably(message(bad), handler, deps(producer));
    expect(handler).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ status: 'dead-lettered', reason: 'invalid-envelope', attempts: 0 });
    const headers = producer.sent[0].messages[0].headers;
    const errors = JSON.parse(String(headers['x-dlq-validation-errors'])) as { path: string }[];
    expect(errors.map((e) => e.path)).toEqual(['id']);
    expect(String(headers['x-dlq-error'])).toContain('id:');
  });

  it('dead-letters an event that does not belong to the topic, and unparsable bytes', async () => {
    const producer = fakeProducer();
    await processReliably(message(event, 'InvoiceCreated'), jest.fn(), deps(producer));
    await processReliably(message('{oops'), jest.fn(), deps(producer));
    expect(producer.sent.map((r) => r.topic)).toEqual(['InvoiceCreated.dlq', 'CartUpdated.dlq']);
    expect(producer.sent[1].messages[0].value).toBe('{oops');
  });

  it('retries the dead-letter write, and lets the error escape only when Kafka stays down', async () => {
    const flaky = fakeProducer(2);
    await expect(processReliably(message('{oops'), jest.fn(), deps(flaky))).resolves.toMatchObject({ status: 'dead-lettered' });
    expect(flaky.send).toHaveBeenCalledTimes(3);
    const down = fakeProducer(100);
    await expect(processReliably(message('{oops'), jest.fn(), deps(down))).rejects.toThrow(/broker down/);
  });

  it('reports each outcome once to onOutcome, and a throwing callback changes nothing', async () => {
    const producer = fakeProducer();
    const outcomes: string[] = [];
    const options = {
      onOutcome: (outcome: { status: string }) => {
        outcomes.push(outcome.status);
        throw new Error('metrics exploded');
      },
    };
    await expect(processReliably(message(event), async () => undefined, deps(producer), options)).resolves.toMatchObject({ status: 'handled' });
    await processReliably(message('{oops'), jest.fn(), deps(producer), options);
    expect(outcomes).toEqual(['handled', 'dead-lettered']);
  });
});
