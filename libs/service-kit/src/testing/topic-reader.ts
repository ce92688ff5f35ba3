import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { randomBytes } from 'node:crypto';

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: unknown;
  headers: Record<string, string>;
}

/**
 * Test helper: reads topics from the beginning with a private consumer group and keeps every
 * message (JSON values parsed) in `messages`.
 */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(brokers: string[], topics: string[]): Promise<TopicReader> {
    const id = `test-reader-${randomBytes(4).toString('hex')}`;
    const kafka = new Kafka({ clientId: id, brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: id, allowAutoTopicCreation: true });
    const reader = new TopicReader(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const text = message.value?.toString('utf8') ?? null;
        let value: unknown = text;
        try {
          value = text === null ? null : JSON.parse(text);
        } catch {
          // not JSON: keep the text
        }
        const headers: Record<string, string> = {};
        for (const [name, raw] of Object.entries(message.headers ?? {})) {
          const first = Array.isArray(raw) ? raw[0] : raw;
          if (first !== undefined) headers[name] = first.toString();
        }
        reader.messages.push({ topic, partition, offset: message.offset, key: message.key?.toString('utf8') ?? null, value, headers });
      },
    });
    return reader;
  }

  on(topic: string): ReadMessage[] {
    return this.messages.filter((m) => m.topic === topic);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
