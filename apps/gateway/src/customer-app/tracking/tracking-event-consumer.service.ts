import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { kafkaClientConfig } from '@order-platform/messaging';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import { type Consumer, Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import type { GatewayConfig } from '../../gateway-config';
import { OrderEventHub } from './order-event-hub';
import { parseTrackedEvent, TRACKED_EVENT_TYPES } from './tracked-events';

/** How long start-up waits for the consumer to join and fetch before serving anyway. */
const READY_TIMEOUT_MS = 20_000;

/**
 * This replica's own consumer of the order events. Its group id is unique per process
 * (`gateway-tracking-<instance>`), so every replica sees every event (no shared group
 * splitting partitions), and it starts at the end of each partition: a stream's past comes
 * from the order-status snapshot, only the future from Kafka. Nothing is committed.
 */
@Injectable()
export class TrackingEventConsumer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TrackingEventConsumer.name);
  readonly groupId = `gateway-tracking-${randomBytes(6).toString('hex')}`;
  private consumer?: Consumer;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
    private readonly hub: OrderEventHub,
  ) {}

  async onModuleInit(): Promise<void> {
    const kafka = new Kafka(kafkaClientConfig({ clientId: `${this.config.KAFKA_CLIENT_ID}-tracking`, brokers: this.config.KAFKA_BROKERS }));
    const consumer = kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: true,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      // Short long-polls keep shutdown quick; the broker answers as soon as an event lands.
      maxWaitTimeInMs: 1_000,
    });
    this.consumer = consumer;
    const ready = this.firstFetch(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [...TRACKED_EVENT_TYPES], fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ message, topic }) => {
        const event = parseTrackedEvent(message.value);
        if (!event) {
          this.logger.warn(`ignored a message on ${topic} that is not an event envelope`);
          return;
        }
        this.hub.publish(event);
      },
    });
    // Until the first fetch has resolved the partitions' end offsets, a new event could be missed.
    if (!(await ready)) this.logger.warn(`order tracking consumer ${this.groupId} not fetching after ${READY_TIMEOUT_MS} ms; continuing`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.disconnect().catch((error: unknown) => this.logger.warn(`order tracking consumer did not stop cleanly: ${String(error)}`));
  }

  private firstFetch(consumer: Consumer): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish(false), READY_TIMEOUT_MS);
      const removeListener = consumer.on(consumer.events.FETCH, () => finish(true));
      function finish(fetched: boolean): void {
        clearTimeout(timer);
        removeListener();
        resolve(fetched);
      }
    });
  }
}
