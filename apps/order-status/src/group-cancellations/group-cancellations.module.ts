import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import type { OrderStatusConfig } from '../order-status-config';
import { StoreOrderRepository } from '../store-orders/store-order.repository';
import { CancelGroupMembersService } from './cancel-group-members.service';
import { GroupOrderCancelledHandler } from './group-order-cancelled.handler';

/** A cancelled group order (not confirmed in time) cancels its member orders through the lifecycle. */
@Module({})
export class GroupCancellationsModule {
  static register(config: OrderStatusConfig): DynamicModule {
    return {
      module: GroupCancellationsModule,
      // The outbox writer only: TrackOrderModule's relay already publishes every row of the service's outbox.
      imports: [MessagingModule.forService({ serviceName: 'order-status', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, relay: false })],
      controllers: [GroupOrderCancelledHandler],
      providers: [CancelGroupMembersService, StoreOrderRepository],
    };
  }
}
