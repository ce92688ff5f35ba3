import type { KafkaOptions } from '@nestjs/microservices';
import { kafkaClientOptions, kafkaServerOptions } from '@order-platform/messaging';

export interface KafkaTransportSettings {
  clientId: string;
  groupId: string;
  brokers: string[];
}

/**
 * Options for a service's Kafka consumer (ServerKafka), built fresh on every call by
 * libs/messaging (ServerKafka mutates what it is given). `postfixId: ''` keeps the consumer
 * group exactly the service name instead of Nest's '<name>-server'.
 */
export function kafkaConsumerTransport(settings: KafkaTransportSettings): KafkaOptions {
  const transport = kafkaServerOptions(settings);
  return { ...transport, options: { ...transport.options, postfixId: '' } };
}

/**
 * Options for a ClientKafka that sends request-reply commands. Replicas share one group
 * ('<clientId>-client') and split the reply topics' partitions, so reply topics need at least
 * as many partitions as there are replicas.
 */
export function kafkaCommandClientTransport(settings: Omit<KafkaTransportSettings, 'groupId'>): KafkaOptions {
  return kafkaClientOptions({ ...settings, groupId: settings.clientId });
}
