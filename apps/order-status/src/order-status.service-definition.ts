import type { ServiceDefinition } from '@order-platform/service-kit';
import { OrderStatusConfig } from './order-status-config';
import { OrderStatusModule } from './order-status.module';

export const orderStatusService: ServiceDefinition<OrderStatusConfig> = {
  name: 'order-status',
  configClass: OrderStatusConfig,
  module: (config) => OrderStatusModule.forRoot(config),
  consumesKafka: true,
};
