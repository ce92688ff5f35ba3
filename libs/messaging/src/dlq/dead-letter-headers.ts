/** Headers a dead letter carries besides the original message's own headers. */
export const DeadLetterHeaders = {
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  reason: 'x-dlq-reason',
  error: 'x-dlq-error',
  stack: 'x-dlq-error-stack',
  validationErrors: 'x-dlq-validation-errors',
  attempts: 'x-dlq-attempts',
  consumerGroup: 'x-dlq-consumer-group',
  failedAt: 'x-dlq-failed-at',
} as const;

/** Incremented each time a dead letter is moved back to its topic. */
export const REDRIVE_COUNT_HEADER = 'x-redrive-count';

export type DeadLetterReason = 'invalid-envelope' | 'non-retryable' | 'retries-exhausted';

export function isDeadLetterHeader(name: string): boolean {
  return name.startsWith('x-dlq-');
}
