import { Logger } from '@nestjs/common';
import { KafkaContext } from '@nestjs/microservices';
import type { EventType } from '@order-platform/contracts';
import { runWithCorrelationId } from '../correlation/correlation-context';
import { nestLoggerAdapter } from '../logging/messaging-logger';
import { processReliably, ReliableHandlerOptions } from './process-reliably';

type Handler = (...args: unknown[]) => Promise<unknown> | unknown;

/**
 * Wraps an `@EventPattern` handler: validates the envelope (invalid -> DLQ at once), retries
 * failures with backoff, then dead-letters, and never throws, because Nest would otherwise
 * leave the offset uncommitted and redeliver the message forever.
 *
 *   @EventPattern(Topics.CartUpdated)
 *   @ReliableEventHandler({ consumerGroup: 'billing', maxAttempts: 5 })
 *   async onCartUpdated(@Payload() event: TypedEvent<'CartUpdated'>, @Ctx() ctx: KafkaContext) {...}
 *
 * The handler receives the validated, typed event and runs inside its correlation id.
 */
export function ReliableEventHandler(options: ReliableHandlerOptions = {}): MethodDecorator {
  return (target, propertyKey, descriptor: PropertyDescriptor) => {
    const original = descriptor.value as Handler;
    const logger = options.logger ?? nestLoggerAdapter(new Logger(`${target.constructor.name}.${String(propertyKey)}`));

    const wrapped = async function (this: unknown, ...args: unknown[]): Promise<void> {
      const contextIndex = args.findIndex((arg) => arg instanceof KafkaContext);
      if (contextIndex === -1) {
        throw new Error(`${String(propertyKey)}: @ReliableEventHandler needs the Kafka context (add @Ctx())`);
      }
      const context = args[contextIndex] as KafkaContext;
      const payloadIndex = args.findIndex((_arg, index) => index !== contextIndex);
      const message = context.getMessage();
      await processReliably<EventType>(
        {
          topic: context.getTopic(),
          partition: context.getPartition(),
          offset: message.offset,
          key: message.key,
          value: message.value ?? (payloadIndex >= 0 ? args[payloadIndex] : null),
          headers: message.headers ?? {},
        },
        async (event) => {
          const callArgs = [...args];
          if (payloadIndex >= 0) callArgs[payloadIndex] = event;
          await runWithCorrelationId(event.correlationId, () => original.apply(this, callArgs));
        },
        { producer: context.getProducer(), heartbeat: context.getHeartbeat() },
        { ...options, logger },
      );
    };

    // Nest reads @EventPattern and friends from the function object: keep them whichever
    // order the decorators are written in.
    for (const key of Reflect.getMetadataKeys(original)) {
      Reflect.defineMetadata(key, Reflect.getMetadata(key, original), wrapped);
    }
    Object.defineProperty(wrapped, 'name', { value: original.name });
    descriptor.value = wrapped;
    return descriptor;
  };
}
