import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrokerHandle, BrokerOptions } from './broker-options';
import type { BrokerSettings, BrokerState } from './broker-state';
import { describeBroker } from './describe';
import { GroupCoordinator } from './groups/group-coordinator';
import { OffsetStore } from './groups/offset-store';
import { isValidTopicName, TopicStore } from './log/topic-store';
import { silentLogger } from './logger';
import { apiHandlers } from './protocol/apis/api-registry';
import { BrokerServer } from './server/broker-server';

const MiB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Starts a single-node Kafka-protocol broker. With dataDir, acknowledged batches are written
 * to segment files before the answer (surviving a process crash) and fsynced every
 * flushIntervalMs (or before each answer with flushIntervalMs 0), like Kafka's own default
 * of leaving fsync to the OS and a flush interval.
 */
export async function startBroker(options: BrokerOptions = {}): Promise<BrokerHandle> {
  const logger = options.logger ?? silentLogger;
  const maxMessageBytes = options.maxMessageBytes ?? MiB;
  const settings: BrokerSettings = {
    defaultPartitions: options.defaultPartitions ?? 3,
    autoCreateTopics: options.autoCreateTopics ?? true,
    maxMessageBytes,
    retentionBytes: options.retentionBytes ?? 1024 * MiB,
    retentionMs: options.retentionMs ?? 7 * DAY_MS,
    segmentBytes: options.segmentBytes ?? 16 * MiB,
  };
  const flushIntervalMs = options.flushIntervalMs ?? 1000;
  const syncEachWrite = flushIntervalMs <= 0;
  const dataDir = options.dataDir ? resolve(options.dataDir) : null;
  if (dataDir) mkdirSync(dataDir, { recursive: true });

  const topics = new TopicStore(dataDir, { ...settings, syncEachWrite }, logger);
  const offsets = new OffsetStore(dataDir, syncEachWrite);
  const groups = new GroupCoordinator(offsets, { initialRebalanceDelayMs: options.initialRebalanceDelayMs ?? 50, tickMs: 25 }, logger);

  const bindHost = options.host ?? '127.0.0.1';
  const state: BrokerState = {
    nodeId: 0,
    clusterId: 'order-platform-embedded',
    advertisedHost: options.advertisedHost ?? (bindHost === '0.0.0.0' || bindHost === '::' ? '127.0.0.1' : bindHost),
    advertisedPort: 0,
    topics,
    groups,
    settings,
    logger,
    nextProducerId: Date.now() % 1_000_000_000,
    createTopic(name, partitions) {
      const created = topics.create(name, partitions ?? settings.defaultPartitions);
      if (created) logger.info('topic created', { topic: name, partitions: topics.get(name)?.partitions.length });
      return created;
    },
  };

  // Like Kafka's socket.request.max.bytes (100 MiB): an oversized batch still arrives whole and
  // is refused with MESSAGE_TOO_LARGE instead of the connection being dropped.
  const maxRequestBytes = options.maxRequestBytes ?? Math.max(100 * MiB, maxMessageBytes + MiB);
  const server = new BrokerServer(state, apiHandlers, maxRequestBytes);
  let bound: { host: string; port: number };
  try {
    bound = await server.listen(bindHost, options.port ?? 9092);
  } catch (err) {
    groups.close();
    await Promise.all([topics.close(), offsets.close()]);
    throw err;
  }
  state.advertisedPort = bound.port;
  const address = `${state.advertisedHost}:${bound.port}`;

  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, task: () => Promise<void> | void) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      Promise.resolve()
        .then(task)
        .catch((err: unknown) => logger.error('background task failed', { error: String(err) }))
        .finally(() => (running = false));
    }, ms);
    timer.unref();
    timers.push(timer);
  };
  if (dataDir && !syncEachWrite) every(flushIntervalMs, () => Promise.all([topics.sync(), offsets.sync()]).then(() => undefined));
  every(options.retentionCheckIntervalMs ?? 60_000, () => topics.enforceRetention(Date.now()));

  logger.info('broker listening', { address, dataDir, partitions: settings.defaultPartitions });

  let closing: Promise<void> | null = null;
  return {
    host: state.advertisedHost,
    port: bound.port,
    address,
    describe: () => describeBroker({ address, dataDir, connections: server.connectionCount }, topics, groups),
    async createTopic(name, partitions) {
      if (!isValidTopicName(name)) throw new Error(`illegal topic name '${name}'`);
      state.createTopic(name, partitions);
    },
    close() {
      closing ??= (async () => {
        for (const t of timers) clearInterval(t);
        groups.close();
        await server.close();
        await Promise.all([topics.close(), offsets.close()]);
        logger.info('broker stopped', { address });
      })();
      return closing;
    },
  };
}
