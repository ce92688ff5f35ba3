import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import { OutboxRelayMetrics } from '@order-platform/service-kit';
import type { OrderStatusConfig } from '../order-status-config';
import { OrderEventsHandler } from './order-events.handler';
import { TrackOrderService } from './track-order.service';

@Module({})
export class TrackOrderModule {
  static register(config: OrderStatusConfig): DynamicModule {
    return {
      module: TrackOrderModule,
      imports: [MessagingModule.forService({ serviceName: 'order-status', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID })],
      controllers: [OrderEventsHandler],
      providers: [TrackOrderService, OutboxRelayMetrics],
    };
  }
}
