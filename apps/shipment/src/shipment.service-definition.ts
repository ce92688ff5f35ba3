import type { ServiceDefinition } from '@order-platform/service-kit';
import { ShipmentConfig } from './shipment-config';
import { ShipmentModule } from './shipment.module';

export const shipmentService: ServiceDefinition<ShipmentConfig> = {
  name: 'shipment',
  configClass: ShipmentConfig,
  module: (config) => ShipmentModule.forRoot(config),
  consumesKafka: true,
};
