import { dlqTopic, headerAsString } from '@order-platform/contracts';
import { IHeaders, Kafka } from 'kafkajs';
import { DeadLetterHeaders, isDeadLetterHeader, REDRIVE_COUNT_HEADER } from '../dlq/dead-letter-headers';
import { kafkaClientConfig } from '../kafka/kafka-options';
import { MessagingLogger, silentLogger } from '../logging/messaging-logger';

export interface RedriveOptions {
  brokers: string[];
  /** The original topic; dead letters are read from `<topic>.dlq`. */
  topic: string;
  /** Group that remembers what was already moved (default `redrive.<topic>`). */
  groupId?: string;
  /** Move at most this many messages (default: all present when the redrive started). */
  limit?: number;
  clientId?: string;
  /** Give up waiting after this long (default 60 s). */
  timeoutMs?: number;
  logger?: MessagingLogger;
}

export interface RedriveResult {
  moved: number;
  /** Dead letters left unread when the redrive stopped (limit or timeout). */
  remaining: number;
}

function redrivenHeaders(headers: IHeaders | undefined): IHeaders {
  const out: IHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value !== undefined && !isDeadLetterHeader(name) && name !== REDRIVE_COUNT_HEADER) out[name] = value;
  }
  const previous = Number(headerAsString(headers, REDRIVE_COUNT_HEADER) ?? '0');
  out[REDRIVE_COUNT_HEADER] = String((Number.isFinite(previous) ? previous : 0) + 1);
  return out;
}

/**
 * Moves dead letters back to their topic: same key, value and headers (minus the x-dlq-*
 * ones) plus `x-redrive-count`. Each move is committed in the redrive group right after it is
 * produced, so running it again never moves a message twice (short of a crash in between).
 * Reads up to the end offsets seen at start, so messages that fail again are not looped.
 */
export async function redriveDeadLetters(options: RedriveOptions): Promise<RedriveResult> {
  const source = dlqTopic(options.topic);
  const groupId = options.groupId ?? `redrive.${options.topic}`;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const logger = options.logger ?? silentLogger;
  const kafka = new Kafka(kafkaClientConfig({ clientId: options.clientId ?? 'redrive', brokers: options.brokers }));

  const admin = kafka.admin();
  await admin.connect();
  let ends: Map<number, bigint>;
  const starts = new Map<number, bigint>();
  try {
    const topics = await admin.listTopics();
    if (!topics.includes(source)) return { moved: 0, remaining: 0 };
    ends = new Map((await admin.fetchTopicOffsets(source)).map((p) => [p.partition, BigInt(p.high)]));
    const committed = await admin.fetchOffsets({ groupId, topics: [source] });
    const lows = new Map((await admin.fetchTopicOffsets(source)).map((p) => [p.partition, BigInt(p.low)]));
    for (const p of committed[0]?.partitions ?? []) {
      const offset = BigInt(p.offset);
      starts.set(p.partition, offset >= 0n ? offset : (lows.get(p.partition) ?? 0n));
    }
  } finally {
    await admin.disconnect();
  }

  const pending = (partition: number) => (ends.get(partition) ?? 0n) - (starts.get(partition) ?? 0n);
  const backlog = () => [...ends.keys()].reduce((sum, p) => sum + (pending(p) > 0n ? pending(p) : 0n), 0n);
  if (backlog() === 0n || limit <= 0) return { moved: 0, remaining: Number(backlog()) };

  const producer = kafka.producer({ allowAutoTopicCreation: true });
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, sessionTimeout: 30_000, heartbeatInterval: 3_000 });
  await producer.connect();
  await consumer.connect();
  let moved = 0;
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.subscribe({ topics: [source], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => resolve(), options.timeoutMs ?? 60_000);
      const finishedIfDone = () => {
        if (moved >= limit || backlog() <= 0n) resolve();
      };
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const offset = BigInt(message.offset);
            const end = ends.get(partition) ?? 0n;
            if (moved >= limit || offset >= end) return finishedIfDone();
            const target = headerAsString(message.headers, DeadLetterHeaders.originalTopic) ?? options.topic;
            await producer.send({
              topic: target,
              acks: -1,
              messages: [{ key: message.key, value: message.value, headers: redrivenHeaders(message.headers) }],
            });
            await consumer.commitOffsets([{ topic: source, partition, offset: String(offset + 1n) }]);
            starts.set(partition, offset + 1n);
            moved += 1;
            logger.log('dead letter moved back', { from: source, to: target, partition, offset: message.offset });
            finishedIfDone();
          },
        })
        .catch(reject);
    });
  } finally {
    if (timer) clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
  }
  return { moved, remaining: Number(backlog()) };
}
