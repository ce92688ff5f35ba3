import type { BrokerHandle } from '@order-platform/kafka-broker';
import { GenericContainer, Wait } from 'testcontainers';
import { containerRuntimeAvailable } from '../runtime/container-runtime';
import { freePort } from '../wait/free-port';

export type KafkaSource = 'env' | 'testcontainers' | 'embedded';

export interface TestKafka {
  brokers: string[];
  source: KafkaSource;
  /** The embedded broker (describe(): topics, groups, lag), when that is what runs. */
  broker?: BrokerHandle;
  stop(): Promise<void>;
}

export interface TestKafkaOptions {
  /**
   * Forces the embedded broker on this port (tests that start Kafka late or restart it on the
   * same address). Without it the normal selection order applies.
   */
  port?: number;
  defaultPartitions?: number;
  /** Persist to disk (survives stop/start on the same port), else in memory. */
  dataDir?: string;
}

async function startEmbedded(options: TestKafkaOptions): Promise<TestKafka> {
  const { startBroker } = await import('@order-platform/kafka-broker');
  const broker = await startBroker({
    host: '127.0.0.1',
    port: options.port ?? 0,
    dataDir: options.dataDir,
    defaultPartitions: options.defaultPartitions,
  });
  return { brokers: [broker.address], source: 'embedded', broker, stop: () => broker.close() };
}

async function startContainer(): Promise<TestKafka> {
  // The advertised listener must be the host port clients dial, so fix it before start.
  const hostPort = await freePort();
  const container = await new GenericContainer('apache/kafka:3.8.0')
    .withExposedPorts({ container: 9092, host: hostPort })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://localhost:${hostPort}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_NUM_PARTITIONS: '3',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  return { brokers: [`localhost:${hostPort}`], source: 'testcontainers', stop: async () => void (await container.stop()) };
}

/**
 * Kafka for tests. Selection order: KAFKA_BROKERS (comma-separated), else a testcontainers
 * Kafka when a container runtime answers within 3 s, else the project's embedded broker on an
 * ephemeral port (in memory). Each call gets its own broker unless KAFKA_BROKERS is set.
 */
export async function startTestKafka(options: TestKafkaOptions = {}): Promise<TestKafka> {
  if (options.port !== undefined || options.dataDir !== undefined) return startEmbedded(options);
  const fromEnv = process.env['KAFKA_BROKERS'];
  if (fromEnv) {
    const brokers = fromEnv.split(',').map((b) => b.trim()).filter(Boolean);
    return { brokers, source: 'env', stop: async () => undefined };
  }
  if (await containerRuntimeAvailable()) return startContainer();
  return startEmbedded(options);
}
