import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface ReadTopicOptions {
  /** Resolve once this many messages arrived (default 1). */
  count?: number;
  timeoutMs?: number;
  /** Keep listening this long after `count` to catch extra (duplicate) messages (default 0). */
  settleMs?: number;
  /** Keep only matching messages (e.g. this test's order ids on a shared topic). */
  filter?: (message: ReadMessage) => boolean;
}

/**
 * Reads a topic from the beginning with a throw-away consumer group and returns what it saw,
 * decoded to strings. For assertions on what a producer published.
 */
export async function readTopic(brokers: string[], topic: string, options: ReadTopicOptions = {}): Promise<ReadMessage[]> {
  const { count = 1, timeoutMs = 15_000, settleMs = 0, filter = () => true } = options;
  const kafka = new Kafka({ clientId: 'read-topic', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({
    groupId: `read-topic-${randomBytes(6).toString('hex')}`,
    allowAutoTopicCreation: true,
    maxWaitTimeInMs: 250, // short long-polls keep test latency low
  });
  const messages: ReadMessage[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      let settling = false;
      timer = setTimeout(
        () => reject(new Error(`readTopic(${topic}): ${messages.length}/${count} message(s) after ${timeoutMs} ms`)),
        timeoutMs,
      );
      const check = () => {
        if (settling || messages.length < count) return;
        settling = true;
        clearTimeout(timer);
        timer = setTimeout(resolve, settleMs);
      };
      consumer
        .run({
          eachMessage: async ({ topic: t, partition, message }) => {
            const headers: Record<string, string> = {};
            for (const [name, value] of Object.entries(message.headers ?? {})) {
              if (value !== undefined) headers[name] = Array.isArray(value) ? String(value[0]) : String(value);
            }
            const read: ReadMessage = {
              topic: t,
              partition,
              offset: message.offset,
              key: message.key ? message.key.toString('utf8') : null,
              value: message.value ? message.value.toString('utf8') : null,
              headers,
            };
            if (filter(read)) messages.push(read);
            check();
          },
        })
        .catch(reject);
    });
  } finally {
    if (timer) clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
  }
  return messages;
}
