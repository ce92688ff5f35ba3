import { BrokerHandle, startBroker } from '@order-platform/kafka-broker';
import { mkdirSync } from 'node:fs';

export interface EmbeddedKafkaOptions {
  /** Log segments live here between runs. */
  dataDir: string;
  port: number;
  host?: string;
  log?: (level: 'info' | 'warn' | 'error', message: string, context?: object) => void;
}

/** The project's Kafka-protocol broker, in-process, persisting to dataDir. */
export async function startEmbeddedKafka(options: EmbeddedKafkaOptions): Promise<BrokerHandle> {
  mkdirSync(options.dataDir, { recursive: true });
  const log = options.log ?? (() => undefined);
  return startBroker({
    host: options.host ?? '127.0.0.1',
    port: options.port,
    dataDir: options.dataDir,
    logger: {
      info: (message: string, context?: object) => log('info', message, context),
      warn: (message: string, context?: object) => log('warn', message, context),
      error: (message: string, context?: object) => log('error', message, context),
    },
  });
}
