import { DynamicModule, Module } from '@nestjs/common';
import { MESSAGING_ENTITIES } from '@order-platform/messaging';
import { PersistenceModule } from '@order-platform/persistence';
import { ServiceKitModule } from '@order-platform/service-kit';
import { TrackOrderModule } from './track-order/track-order.module';
import { orderStatusMigrations } from './migrations';
import type { OrderStatusConfig } from './order-status-config';

/** The order lifecycle and read model. Subscribes to every event that moves an order; the state machine is the next step. */
@Module({})
export class OrderStatusModule {
  static forRoot(config: OrderStatusConfig): DynamicModule {
    return {
      module: OrderStatusModule,
      imports: [
        ServiceKitModule.forRoot({ name: 'order-status', config, database: true }),
        PersistenceModule.forService({
          serviceName: 'order-status',
          url: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          entities: [...MESSAGING_ENTITIES],
          migrations: orderStatusMigrations(config.DATABASE_SCHEMA),
        }),
        TrackOrderModule.register(config),
      ],
    };
  }
}
