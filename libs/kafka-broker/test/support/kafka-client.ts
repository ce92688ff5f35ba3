import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { uniqueName } from './unique-name';

// kafkajs logs expected rebalance errors loudly; KAFKAJS_LOG_LEVEL=debug shows them when needed.
function configuredLogLevel(): logLevel {
  const level = process.env['KAFKAJS_LOG_LEVEL']?.toUpperCase();
  if (level && level in logLevel) return logLevel[level as keyof typeof logLevel];
  return logLevel.NOTHING;
}

export interface CreateKafkaOptions {
  // Receives kafkajs warnings and errors, for tests that assert the client saw no anomaly.
  onLog?: (entry: LogEntry) => void;
}

export function createKafka(brokers: string[], clientIdPrefix = 'conformance', options: CreateKafkaOptions = {}): Kafka {
  const { onLog } = options;
  return new Kafka({
    brokers,
    clientId: uniqueName(clientIdPrefix),
    logLevel: onLog ? logLevel.WARN : configuredLogLevel(),
    ...(onLog ? { logCreator: () => (entry: LogEntry) => onLog(entry) } : {}),
    retry: { retries: 8, initialRetryTime: 100 },
  });
}
