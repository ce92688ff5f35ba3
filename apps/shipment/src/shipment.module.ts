import { DynamicModule, Module } from '@nestjs/common';
import { MESSAGING_ENTITIES } from '@order-platform/messaging';
import { PersistenceModule } from '@order-platform/persistence';
import { ServiceKitModule } from '@order-platform/service-kit';
import { ShipOrderModule } from './ship-order/ship-order.module';
import { shipmentMigrations } from './migrations';
import type { ShipmentConfig } from './shipment-config';

/** Shipments and tracking: ships paid orders to the invoiced address, publishes OrderShipped. */
@Module({})
export class ShipmentModule {
  static forRoot(config: ShipmentConfig): DynamicModule {
    return {
      module: ShipmentModule,
      imports: [
        ServiceKitModule.forRoot({ name: 'shipment', config, database: true }),
        PersistenceModule.forService({
          serviceName: 'shipment',
          url: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          entities: [...MESSAGING_ENTITIES],
          migrations: shipmentMigrations(config.DATABASE_SCHEMA),
        }),
        ShipOrderModule.register(config),
      ],
    };
  }
}
