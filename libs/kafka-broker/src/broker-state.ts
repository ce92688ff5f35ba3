import type { GroupCoordinator } from './groups/group-coordinator';
import type { TopicStore } from './log/topic-store';
import type { BrokerLogger } from './logger';

export interface BrokerSettings {
  defaultPartitions: number;
  autoCreateTopics: boolean;
  maxMessageBytes: number;
  retentionBytes: number;
  retentionMs: number;
  segmentBytes: number;
}

/** What request handlers see of the broker. */
export interface BrokerState {
  readonly nodeId: number;
  readonly clusterId: string;
  /** Host and port written into Metadata and FindCoordinator answers. */
  advertisedHost: string;
  advertisedPort: number;
  readonly topics: TopicStore;
  readonly groups: GroupCoordinator;
  readonly settings: BrokerSettings;
  readonly logger: BrokerLogger;
  nextProducerId: number;
  /** Creates a topic with the broker's defaults; false when it exists. */
  createTopic(name: string, partitions?: number): boolean;
}
