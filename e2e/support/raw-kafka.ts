import { IHeaders, Kafka, logLevel } from 'kafkajs';
import { LineProcess } from './line-process';

export interface RawMessage {
  key: string;
  value: string;
  headers?: IHeaders;
  partition?: number;
}

function client(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'checkout-e2e', brokers, logLevel: logLevel.NOTHING });
}

/** Publishes messages as they are, bypassing every contract check: how a misbehaving producer looks. */
export async function produceRaw(brokers: string[], topic: string, messages: RawMessage[]): Promise<void> {
  const producer = client(brokers).producer({ allowAutoTopicCreation: true });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
}

export async function partitionsOf(brokers: string[], topic: string): Promise<number[]> {
  const admin = client(brokers).admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).map((p) => p.partition).sort((a, b) => a - b);
  } finally {
    await admin.disconnect();
  }
}

/** `libs/messaging/src/cli/redrive.ts` as an operator runs it; resolves with its JSON result. */
export async function runRedriveCli(brokers: string[], topic: string, group: string): Promise<{ moved: number; remaining: number }> {
  const cli = new LineProcess('redrive', ['libs/messaging/src/cli/redrive.ts', '--topic', topic, '--brokers', brokers.join(','), '--group', group, '--timeout-ms', '30000'], {});
  const line = await cli.waitForLine(/^\{.*"moved"/, 60000);
  const exit = await cli.exited;
  if (exit.code !== 0) throw new Error(`redrive exited ${exit.code}: ${cli.tail()}`);
  return JSON.parse(line) as { moved: number; remaining: number };
}

/** Messages ever written to a topic (sum of its partitions' high watermarks). */
export async function topicSize(brokers: string[], topic: string): Promise<number> {
  const admin = client(brokers).admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

/** The topic's size once it has stopped growing for quietMs (consumers still dead-lettering, relays still publishing). */
export async function settledTopicSize(brokers: string[], topic: string, quietMs = 3000, timeoutMs = 60000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let size = await topicSize(brokers, topic);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = await topicSize(brokers, topic);
    if (now === size || Date.now() > deadline) return now;
    size = now;
  }
}
