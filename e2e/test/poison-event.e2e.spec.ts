import { randomBytes, randomUUID } from 'node:crypto';
import { ReadMessage, readTopic } from '@order-platform/testing';
import { CheckoutApi } from '../support/checkout-api';
import { CheckoutPlatform } from '../support/checkout-platform';
import { PAYING_CUSTOMER_ID } from '../support/customers';
import { partitionsOf, produceRaw, runRedriveCli, settledTopicSize } from '../support/raw-kafka';

// A malformed CartUpdated must be dead-lettered with its validation error, must not block the
// orders behind it on its partition, and the redrive CLI must move it back.
describe('a poison CartUpdated event', () => {
  const marker = `poison-${randomBytes(5).toString('hex')}`;
  let platform: CheckoutPlatform;
  let api: CheckoutApi;
  let brokers: string[];
  let poisonCount = 0;

  const isPoison = (message: ReadMessage) => (message.value ?? '').includes(marker);

  beforeAll(async () => {
    platform = await CheckoutPlatform.start();
    api = new CheckoutApi(platform.gatewayUrl);
    brokers = platform.kafkaBrokers;
  }, 300000);

  afterAll(async () => {
    await platform?.stop();
  }, 120000);

  it('is dead-lettered with the validation error while the next order on its partition completes', async () => {
    const realOrder = await api.submitCart(PAYING_CUSTOMER_ID);
    const partitions = await partitionsOf(brokers, 'CartUpdated');
    // One poison message per partition (keyed like the real order), so whichever partition
    // the next order lands on, it queues behind a poison message.
    await produceRaw(
      brokers,
      'CartUpdated',
      partitions.map((partition) => ({
        partition,
        key: realOrder.orderId,
        value: JSON.stringify({
          id: 'not-a-uuid',
          type: 'CartUpdated',
          schemaVersion: 1,
          occurredAt: 'yesterday',
          correlationId: `${marker}-${partition}`,
          orderId: realOrder.orderId,
          payload: { orderId: realOrder.orderId, items: 'none' },
        }),
        headers: { 'x-event-type': 'CartUpdated', 'x-schema-version': '1', 'x-correlation-id': `${marker}-${partition}` },
      })),
    );
    poisonCount = partitions.length;

    const next = await api.submitCart(PAYING_CUSTOMER_ID);
    await api.waitForOrder(next.orderId, (view) => view.status === 'shipped', 120000, 'shipped behind the poison messages');

    const deadLetters = await readTopic(brokers, 'CartUpdated.dlq', { count: poisonCount, timeoutMs: 60000, filter: isPoison });
    for (const partition of partitions) {
      const letter = deadLetters.find((message) => message.value?.includes(`${marker}-${partition}`));
      expect(letter).toBeDefined();
      expect(letter?.key).toBe(realOrder.orderId);
      expect(letter?.headers).toMatchObject({
        'x-dlq-original-topic': 'CartUpdated',
        'x-dlq-original-partition': String(partition),
        'x-dlq-reason': 'invalid-envelope',
      });
      // The validation error names the offending fields.
      expect(letter?.headers['x-dlq-validation-errors'] ?? letter?.headers['x-dlq-error']).toMatch(/\bid\b/);
      expect(letter?.headers['x-dlq-validation-errors'] ?? letter?.headers['x-dlq-error']).toMatch(/occurredAt/);
    }
  });

  it('is moved back by the redrive CLI, fails validation again and returns to the dead-letter topic', async () => {
    const group = `redrive-e2e-${randomUUID()}`;
    const lettersBefore = await settledTopicSize(brokers, 'CartUpdated.dlq');
    const first = await runRedriveCli(brokers, 'CartUpdated', group);
    expect(first.moved).toBe(lettersBefore);
    expect(first.remaining).toBe(0);

    // Back on CartUpdated: same key and value, x-dlq-* headers gone, x-redrive-count 1.
    const redriven = await readTopic(brokers, 'CartUpdated', {
      count: poisonCount,
      timeoutMs: 30000,
      filter: (message) => isPoison(message) && message.headers['x-redrive-count'] === '1',
    });
    for (const message of redriven) expect(Object.keys(message.headers).filter((name) => name.startsWith('x-dlq-'))).toEqual([]);

    // Still invalid: each consumer rejects it again, so it returns to the dead-letter topic.
    const again = await readTopic(brokers, 'CartUpdated.dlq', {
      count: poisonCount,
      timeoutMs: 60000,
      filter: (message) => isPoison(message) && message.headers['x-redrive-count'] === '1',
    });
    expect(again.every((message) => message.headers['x-dlq-reason'] === 'invalid-envelope')).toBe(true);

    // The same redrive group never moves a letter twice: a second run takes only the new ones.
    const lettersNow = await settledTopicSize(brokers, 'CartUpdated.dlq');
    expect(lettersNow).toBeGreaterThanOrEqual(lettersBefore + again.length);
    const second = await runRedriveCli(brokers, 'CartUpdated', group);
    expect(second.moved).toBe(lettersNow - lettersBefore);
  });
});
