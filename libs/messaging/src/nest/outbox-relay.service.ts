import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { nestLoggerAdapter } from '../logging/messaging-logger';
import { OutboxRelay, OutboxRelayOptions } from '../outbox/outbox-relay';

export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');

/** The outbox relay as a Nest provider: starts after bootstrap, drains and stops on shutdown. */
@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(OUTBOX_RELAY_OPTIONS) options: OutboxRelayOptions) {
    this.relay = new OutboxRelay(dataSource, { logger: nestLoggerAdapter(new Logger('OutboxRelay')), ...options });
  }

  onApplicationBootstrap(): void {
    // Not awaited: the app starts even while Kafka is down; rows wait in the outbox.
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  wake(): void {
    this.relay.wake();
  }
}
