import { describeErrors, dlqTopic, EventType, FieldError, isEventType, TypedEvent, validateEvent } from '@order-platform/contracts';
import type { IHeaders, Producer } from 'kafkajs';
import { DeadLetterHeaders, DeadLetterReason } from '../dlq/dead-letter-headers';
import { MessagingLogger, silentLogger } from '../logging/messaging-logger';
import { backoffDelayMs, BackoffOptions, delay } from './backoff';
import { NonRetryableError } from './non-retryable.error';

/** The coordinates and content of one consumed message. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | Buffer | null;
  /** Parsed JSON (as Nest delivers it), a JSON string or raw bytes. */
  value: unknown;
  headers: IHeaders;
}

export interface ReliableHandlerOptions {
  /** Recorded on dead letters to tell which group gave up. */
  consumerGroup?: string;
  /** Attempts including the first (default 5). */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  /** Expected event type; default: the topic name when it is a registered event type, else any. */
  eventType?: EventType;
  /** Errors for which retrying is pointless (default: NonRetryableError). */
  isRetryable?: (error: unknown) => boolean;
  logger?: MessagingLogger;
  /** Called once per message with how it ended (metrics). Errors thrown here are ignored. */
  onOutcome?: (outcome: ReliableOutcome, message: IncomingMessage) => void;
}

export interface ReliableDeps {
  /** Anything with kafkajs's send (Nest's KafkaContext.getProducer(), a raw producer). */
  producer: Pick<Producer, 'send'>;
  /** Keeps the consumer in its group during long backoffs. */
  heartbeat?: () => Promise<void>;
  sleep?: (ms: number) => Promise<void>;
}

export type ReliableOutcome =
  | { status: 'handled'; attempts: number }
  | { status: 'dead-lettered'; reason: DeadLetterReason; attempts: number; error: string };

const TEXT_LIMIT = 4000;

function rawValue(value: unknown): string | Buffer | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || typeof value === 'string') return value;
  return JSON.stringify(value);
}

async function sleepWithHeartbeat(ms: number, deps: ReliableDeps): Promise<void> {
  const sleep = deps.sleep ?? delay;
  // Slices keep heartbeats flowing during a long wait (heartbeat interval is 3 s).
  for (let left = ms; left > 0; left -= 1000) {
    await sleep(Math.min(1000, left));
    await deps.heartbeat?.().catch(() => undefined);
  }
}

async function sendDeadLetter(
  message: IncomingMessage,
  deps: ReliableDeps,
  options: ReliableHandlerOptions,
  details: { reason: DeadLetterReason; attempts: number; error: string; stack?: string; validationErrors?: FieldError[] },
): Promise<void> {
  const headers: IHeaders = {
    ...message.headers,
    [DeadLetterHeaders.originalTopic]: message.topic,
    [DeadLetterHeaders.originalPartition]: String(message.partition),
    [DeadLetterHeaders.originalOffset]: message.offset,
    [DeadLetterHeaders.reason]: details.reason,
    [DeadLetterHeaders.error]: details.error.slice(0, TEXT_LIMIT),
    [DeadLetterHeaders.attempts]: String(details.attempts),
    [DeadLetterHeaders.failedAt]: new Date().toISOString(),
  };
  if (details.stack) headers[DeadLetterHeaders.stack] = details.stack.slice(0, TEXT_LIMIT);
  if (details.validationErrors) headers[DeadLetterHeaders.validationErrors] = JSON.stringify(details.validationErrors).slice(0, TEXT_LIMIT);
  if (options.consumerGroup) headers[DeadLetterHeaders.consumerGroup] = options.consumerGroup;

  const record = { topic: dlqTopic(message.topic), acks: -1, messages: [{ key: message.key, value: rawValue(message.value), headers }] };
  // Losing the message is worse than blocking: if the DLQ cannot be written after a few
  // tries, the error escapes and the offset stays uncommitted, so Kafka redelivers it.
  for (let attempt = 1; ; attempt++) {
    try {
      await deps.producer.send(record);
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleepWithHeartbeat(backoffDelayMs(attempt, { initialDelayMs: 500, maxDelayMs: 5000 }), deps);
    }
  }
}

/**
 * Validates the envelope, runs `handler` with retries and exponential backoff, and sends the
 * message to `<topic>.dlq` when it is invalid, fails permanently or exhausts its attempts.
 * Returns normally in every one of those cases, so the offset commits and the partition moves on.
 */
export async function processReliably<T extends EventType = EventType>(
  message: IncomingMessage,
  handler: (event: TypedEvent<T>, attempt: number) => Promise<void>,
  deps: ReliableDeps,
  options: ReliableHandlerOptions = {},
): Promise<ReliableOutcome> {
  const outcome = await validateAndHandle<T>(message, handler, deps, options);
  try {
    options.onOutcome?.(outcome, message);
  } catch {
    // metrics must never change what happens to the message
  }
  return outcome;
}

async function validateAndHandle<T extends EventType>(
  message: IncomingMessage,
  handler: (event: TypedEvent<T>, attempt: number) => Promise<void>,
  deps: ReliableDeps,
  options: ReliableHandlerOptions,
): Promise<ReliableOutcome> {
  const logger = options.logger ?? silentLogger;
  const coordinates = { topic: message.topic, partition: message.partition, offset: message.offset };
  // A topic named after an event type carries only that type.
  const expectedType = options.eventType ?? (isEventType(message.topic) ? message.topic : undefined);
  const validation = validateEvent<T>(message.value);
  if (!validation.ok || (expectedType && validation.event.type !== expectedType)) {
    const errors = validation.ok ? [{ path: 'type', message: `event ${validation.event.type} on topic ${message.topic}` }] : validation.errors;
    const error = `invalid event: ${describeErrors(errors)}`;
    logger.warn('invalid event sent to dead-letter topic', { ...coordinates, error });
    await sendDeadLetter(message, deps, options, { reason: 'invalid-envelope', attempts: 0, error, validationErrors: errors });
    return { status: 'dead-lettered', reason: 'invalid-envelope', attempts: 0, error };
  }

  const maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  const isRetryable = options.isRetryable ?? ((error: unknown) => !(error instanceof NonRetryableError));
  for (let attempt = 1; ; attempt++) {
    try {
      await handler(validation.event, attempt);
      return { status: 'handled', attempts: attempt };
    } catch (caught) {
      const error = caught instanceof Error ? caught : new Error(String(caught));
      const retryable = isRetryable(caught);
      if (!retryable || attempt >= maxAttempts) {
        const reason: DeadLetterReason = retryable ? 'retries-exhausted' : 'non-retryable';
        logger.error('event handling failed; sent to dead-letter topic', { ...coordinates, eventId: validation.event.id, attempt, reason, error: error.message });
        await sendDeadLetter(message, deps, options, { reason, attempts: attempt, error: error.message, stack: error.stack });
        return { status: 'dead-lettered', reason, attempts: attempt, error: error.message };
      }
      const wait = backoffDelayMs(attempt, options.backoff);
      logger.warn('event handling failed; retrying', { ...coordinates, eventId: validation.event.id, attempt, retryInMs: wait, error: error.message });
      await sleepWithHeartbeat(wait, deps);
    }
  }
}
