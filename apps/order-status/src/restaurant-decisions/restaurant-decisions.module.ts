import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import type { OrderStatusConfig } from '../order-status-config';
import { StoreOrderRepository } from '../store-orders/store-order.repository';
import { RestaurantDecisionHandler } from './restaurant-decision.handler';
import { RestaurantDecisionService } from './restaurant-decision.service';

/** The restaurant app's accept / reject, as lifecycle actions. */
@Module({})
export class RestaurantDecisionsModule {
  static register(config: OrderStatusConfig): DynamicModule {
    return {
      module: RestaurantDecisionsModule,
      imports: [MessagingModule.forService({ serviceName: 'order-status', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, relay: false })],
      controllers: [RestaurantDecisionHandler],
      providers: [RestaurantDecisionService, StoreOrderRepository],
    };
  }
}
