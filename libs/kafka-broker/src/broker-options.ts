import type { GroupState } from './groups/consumer-group';
import type { BrokerLogger } from './logger';

export interface BrokerOptions {
  /** Bind address; default 127.0.0.1. */
  host?: string;
  /** Default 9092; 0 picks a free port (read it back from the handle). */
  port?: number;
  /** Where logs, topics and committed offsets live; absent = in memory only. */
  dataDir?: string;
  /** Partitions of auto-created topics and of CreateTopics with -1; default 3. */
  defaultPartitions?: number;
  /** Create topics named in Metadata requests that allow it; default true. */
  autoCreateTopics?: boolean;
  /** Largest record batch accepted; default 1 MiB, like Kafka's message.max.bytes. */
  maxMessageBytes?: number;
  /** Per partition; default 1 GiB. */
  retentionBytes?: number;
  /** Per partition; default 7 days. */
  retentionMs?: number;
  logger?: BrokerLogger;
  /** Host written into Metadata; default the bind host, or 127.0.0.1 when binding all interfaces. */
  advertisedHost?: string;
  /** Segment file size before rolling; default 16 MiB. */
  segmentBytes?: number;
  /** fsync interval for acknowledged writes; 0 = fsync each write before acknowledging. Default 1000. */
  flushIntervalMs?: number;
  /** How often retention runs; default 60 s. */
  retentionCheckIntervalMs?: number;
  /** Largest request frame; default 100 MiB (Kafka's socket.request.max.bytes), at least maxMessageBytes + 1 MiB. */
  maxRequestBytes?: number;
  /** Wait before the first rebalance of an empty group completes; default 50 ms. */
  initialRebalanceDelayMs?: number;
}

export interface PartitionDescription {
  partition: number;
  logStartOffset: number;
  highWatermark: number;
  sizeBytes: number;
  segments: number;
}

export interface TopicDescription {
  name: string;
  partitions: PartitionDescription[];
}

export interface MemberDescription {
  memberId: string;
  clientId: string;
  clientHost: string;
  /** Decoded when the group uses the consumer protocol. */
  assignment: { topic: string; partitions: number[] }[];
}

export interface CommittedOffsetDescription {
  topic: string;
  partition: number;
  committedOffset: number;
  highWatermark: number;
  lag: number;
}

export interface GroupDescription {
  groupId: string;
  state: GroupState;
  protocolType: string | null;
  protocol: string | null;
  generationId: number;
  leaderId: string | null;
  members: MemberDescription[];
  offsets: CommittedOffsetDescription[];
}

export interface BrokerDescription {
  address: string;
  dataDir: string | null;
  connections: number;
  topics: TopicDescription[];
  groups: GroupDescription[];
}

export interface BrokerHandle {
  host: string;
  port: number;
  /** 'host:port', ready for KAFKA_BROKERS. */
  address: string;
  describe(): BrokerDescription;
  createTopic(name: string, partitions?: number): Promise<void>;
  close(): Promise<void>;
}
