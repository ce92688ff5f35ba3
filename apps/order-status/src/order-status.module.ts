import { DynamicModule, Module } from '@nestjs/common';
import { MESSAGING_ENTITIES } from '@order-platform/messaging';
import { PersistenceModule } from '@order-platform/persistence';
import { ServiceKitModule } from '@order-platform/service-kit';
import { GetOrderModule } from './get-order/get-order.module';
import { GroupCancellationsModule } from './group-cancellations/group-cancellations.module';
import { readModelEntities } from './read-model/read-model-entities';
import { RestaurantDecisionsModule } from './restaurant-decisions/restaurant-decisions.module';
import { StoreOrdersModule } from './store-orders/store-orders.module';
import { TrackOrderModule } from './track-order/track-order.module';
import { orderStatusMigrations } from './migrations';
import type { OrderStatusConfig } from './order-status-config';

/** The order read model: every checkout event on a timeline, the status derived from it, and the get-order query. */
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
          entities: [...readModelEntities, ...MESSAGING_ENTITIES],
          migrations: orderStatusMigrations(config.DATABASE_SCHEMA),
        }),
        TrackOrderModule.register(config),
        StoreOrdersModule.register(config),
        RestaurantDecisionsModule.register(config),
        GroupCancellationsModule.register(config),
        GetOrderModule,
      ],
    };
  }
}
