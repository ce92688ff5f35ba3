import { KafkaOptions, Transport } from '@nestjs/microservices';
import { KafkaConfig, logLevel, ProducerConfig, RetryOptions } from 'kafkajs';

export interface KafkaConnectionOptions {
  clientId: string;
  brokers: string[];
  /** Consumer group; Nest appends '-server' (server) or '-client' (client). */
  groupId?: string;
  /** kafkajs log level (default WARN: kafkajs is chatty at INFO on every rebalance). */
  logLevel?: logLevel;
}

/** As many as the default partition count of our topics (3); more would sit idle. */
const PARTITIONS_CONSUMED_CONCURRENTLY = 3;

const CLIENT_RETRY: RetryOptions = { initialRetryTime: 300, maxRetryTime: 10_000, retries: 8, factor: 0.2, multiplier: 2 };

/** kafkajs client settings shared by Nest transports and our raw producers. */
export function kafkaClientConfig(options: Pick<KafkaConnectionOptions, 'clientId' | 'brokers' | 'logLevel'>): KafkaConfig {
  if (options.brokers.length === 0) throw new Error('at least one Kafka broker is required');
  return {
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { ...CLIENT_RETRY },
    logLevel: options.logLevel ?? logLevel.WARN,
  };
}

/** Producer settings: no idempotent mode (needs InitProducerId), auto-create topics. */
export function producerConfig(): ProducerConfig {
  return { allowAutoTopicCreation: true, idempotent: false, retry: { ...CLIENT_RETRY } };
}

function kafkaTransportOptions(options: KafkaConnectionOptions): NonNullable<KafkaOptions['options']> {
  return {
    client: kafkaClientConfig(options),
    consumer: {
      groupId: options.groupId ?? options.clientId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      rebalanceTimeout: 60_000,
      allowAutoTopicCreation: true,
      retry: { ...CLIENT_RETRY },
    },
    producer: producerConfig(),
    // Every event waits for all in-sync replicas: an acknowledged event is never lost.
    send: { acks: -1 },
    // A new group reads from the start so events published before it first joined count.
    subscribe: { fromBeginning: true },
    // Partitions are handled side by side; one order's events share a partition (keyed by
    // order id), so they still arrive one after another.
    run: { partitionsConsumedConcurrently: PARTITIONS_CONSUMED_CONCURRENTLY },
  };
}

/**
 * Options for `app.connectMicroservice(...)` (ServerKafka). A FRESH object every call:
 * ServerKafka mutates the options it receives, so a shared object leaks settings between apps.
 */
export function kafkaServerOptions(options: KafkaConnectionOptions): KafkaOptions {
  return { transport: Transport.KAFKA, options: kafkaTransportOptions(options) };
}

/** Options for ClientsModule.register / ClientKafka (gateway commands, emits). Fresh each call. */
export function kafkaClientOptions(options: KafkaConnectionOptions): KafkaOptions {
  return { transport: Transport.KAFKA, options: kafkaTransportOptions(options) };
}

/** Parses KAFKA_BROKERS ('h1:9092,h2:9092') into a list; throws naming the variable. */
export function parseBrokers(value: string | undefined, variable = 'KAFKA_BROKERS'): string[] {
  const brokers = (value ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) throw new Error(`${variable} is required (host:port[,host:port])`);
  for (const broker of brokers) {
    if (!/^[^:\s]+:\d{1,5}$/.test(broker)) throw new Error(`${variable}: '${broker}' is not host:port`);
  }
  return brokers;
}
