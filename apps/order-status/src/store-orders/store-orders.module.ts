import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import type { OrderStatusConfig } from '../order-status-config';
import { DemoStoreSeeder } from './demo-data/demo-store.seeder';
import { StoreOrderActionHandler } from './store-order-action.handler';
import { StoreOrderActionService } from './store-order-action.service';
import { StoreOrderRepository } from './store-order.repository';

/** The store / POS lifecycle commands (confirm, paid, complete, cancel) over the order's state machine. */
@Module({})
export class StoreOrdersModule {
  static register(config: OrderStatusConfig): DynamicModule {
    return {
      module: StoreOrdersModule,
      // The outbox writer only: TrackOrderModule's relay already publishes every row of the service's outbox.
      imports: [MessagingModule.forService({ serviceName: 'order-status', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, relay: false })],
      controllers: [StoreOrderActionHandler],
      providers: [StoreOrderActionService, StoreOrderRepository, DemoStoreSeeder],
    };
  }
}
