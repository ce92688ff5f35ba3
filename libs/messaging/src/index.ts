/**
 * @order-platform/messaging: the reliability rules of every service.
 * - kafkaServerOptions / kafkaClientOptions: fresh Nest Kafka options (acks -1)
 * - OutboxWriter.append(manager, event) + OutboxRelay (MessagingModule.forService starts it)
 * - handleOnce(dataSource, consumer, event, fn) / InboxHandler: idempotent consumers
 * - @ReliableEventHandler / processReliably: validate, retry with backoff, then `<topic>.dlq`
 * - redriveDeadLetters({ brokers, topic }) and the CLI src/cli/redrive.ts
 * - runWithCorrelationId / currentCorrelationId: correlation id context
 * - createMessagingTables(schema): migration for outbox + processed_events
 */
export * from './kafka/kafka-options';
export * from './correlation/correlation-context';
export * from './correlation/correlation-headers';
export * from './logging/messaging-logger';
export * from './outbox/outbox-event.entity';
export * from './outbox/messaging-tables.migration';
export * from './outbox/outbox-channel';
export * from './outbox/outbox-writer';
export * from './outbox/outbox-relay';
export * from './inbox/processed-event.entity';
export * from './inbox/handle-once';
export * from './retry/backoff';
export * from './retry/non-retryable.error';
export * from './retry/process-reliably';
export * from './retry/reliable-event-handler.decorator';
export * from './dlq/dead-letter-headers';
export * from './redrive/redrive-dead-letters';
export * from './nest/outbox-relay.service';
export * from './nest/messaging.module';

import { ProcessedEvent } from './inbox/processed-event.entity';
import { OutboxEvent } from './outbox/outbox-event.entity';

/** Entities to add to a service's TypeORM entity list. */
export const MESSAGING_ENTITIES = [OutboxEvent, ProcessedEvent];
