import { DynamicModule, Module, Provider } from '@nestjs/common';
import { InboxHandler } from '../inbox/handle-once';
import { parseBrokers } from '../kafka/kafka-options';
import { OutboxRelayOptions } from '../outbox/outbox-relay';
import { OutboxWriter } from '../outbox/outbox-writer';
import { OUTBOX_RELAY_OPTIONS, OutboxRelayService } from './outbox-relay.service';

export interface MessagingModuleOptions {
  serviceName: string;
  /** Defaults to KAFKA_BROKERS. */
  brokers?: string[];
  /** Defaults to KAFKA_CLIENT_ID, else the service name. */
  clientId?: string;
  /** Run the outbox relay in this process (default true). */
  relay?: boolean;
  relayOptions?: Partial<Omit<OutboxRelayOptions, 'brokers' | 'clientId'>>;
}

/**
 * Outbox writer, inbox handler and (optionally) the outbox relay for one service. Needs the
 * service's TypeORM DataSource (PersistenceModule) and the messaging tables in its migrations
 * (createMessagingTables(schema)).
 */
@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    const providers: Provider[] = [OutboxWriter, InboxHandler];
    if (options.relay !== false) {
      providers.push(
        {
          provide: OUTBOX_RELAY_OPTIONS,
          useFactory: (): OutboxRelayOptions => ({
            ...options.relayOptions,
            brokers: options.brokers ?? parseBrokers(process.env['KAFKA_BROKERS']),
            clientId: `${options.clientId ?? process.env['KAFKA_CLIENT_ID'] ?? options.serviceName}-outbox`,
          }),
        },
        OutboxRelayService,
      );
    }
    return { module: MessagingModule, providers, exports: providers };
  }
}
