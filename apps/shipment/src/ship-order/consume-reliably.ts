import { Logger } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import type { EventType, TypedEvent } from '@order-platform/contracts';
import { nestLoggerAdapter, processReliably, type ReliableHandlerOptions, type ReliableOutcome, runWithCorrelationId } from '@order-platform/messaging';

/**
 * What @ReliableEventHandler does (validate, retry with backoff, then `<topic>.dlq`, never
 * throw), called directly so the handler sees the attempt number and its instance can count
 * the outcome in its own metrics.
 */
export function consumeReliably<T extends EventType>(
  context: KafkaContext,
  payload: unknown,
  options: ReliableHandlerOptions,
  handle: (event: TypedEvent<T>, attempt: number) => Promise<void>,
): Promise<ReliableOutcome> {
  const message = context.getMessage();
  return processReliably<T>(
    {
      topic: context.getTopic(),
      partition: context.getPartition(),
      offset: message.offset,
      key: message.key,
      value: message.value ?? payload,
      headers: message.headers ?? {},
    },
    (event, attempt) => runWithCorrelationId(event.correlationId, () => handle(event, attempt)),
    { producer: context.getProducer(), heartbeat: context.getHeartbeat() },
    { logger: nestLoggerAdapter(new Logger(`consume:${context.getTopic()}`)), ...options },
  );
}
