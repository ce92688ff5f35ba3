import type { Consumer, ConsumerConfig, IHeaders, Kafka } from 'kafkajs';

export interface ConsumedRecord {
  member: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  timestamp: string;
  headers: Record<string, string>;
}

export interface StartConsumerOptions {
  name: string;
  groupId: string;
  topics: string[];
  fromBeginning: boolean;
  config?: Partial<ConsumerConfig>;
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    result[name] = Array.isArray(value) ? value.map(String).join(',') : String(value);
  }
  return result;
}

// A kafkajs consumer that records everything it reads and the assignment of its last
// group join, so tests can wait for a stable group instead of sleeping.
export class ConsumerHarness implements GroupMember {
  readonly records: ConsumedRecord[] = [];
  assignment: Record<string, number[]> = {};
  joins = 0;
  fetchRequests: { durationMs: number }[] = [];
  private stopped = false;

  private constructor(
    readonly name: string,
    readonly consumer: Consumer,
  ) {}

  static async start(kafka: Kafka, options: StartConsumerOptions): Promise<ConsumerHarness> {
    const consumer = kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 300,
      maxWaitTimeInMs: 1_000,
      ...options.config,
    });
    const harness = new ConsumerHarness(options.name, consumer);
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      harness.assignment = payload.memberAssignment;
      harness.joins += 1;
    });
    consumer.on(consumer.events.REQUEST, ({ payload }) => {
      if (payload.apiName === 'Fetch') harness.fetchRequests.push({ durationMs: payload.duration });
    });
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        harness.records.push({
          member: options.name,
          topic,
          partition,
          offset: message.offset,
          key: message.key ? message.key.toString() : null,
          value: message.value ? message.value.toString() : null,
          timestamp: message.timestamp,
          headers: headersToStrings(message.headers),
        });
      },
    });
    return harness;
  }

  partitionsOf(topic: string): number[] {
    return [...(this.assignment[topic] ?? [])].sort((a, b) => a - b);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.consumer.disconnect();
  }
}

// True when the members' last assignments cover every partition exactly once and each
// member owns at least one: stale assignments from an older generation overlap or leave gaps.
export interface GroupMember {
  partitionsOf(topic: string): number[];
}

export function isStableGroup(members: GroupMember[], topic: string, partitions: number): boolean {
  const owned = members.map((member) => member.partitionsOf(topic));
  if (owned.some((list) => list.length === 0)) return false;
  const all = owned.flat().sort((a, b) => a - b);
  return all.length === partitions && all.every((partition, index) => partition === index);
}
