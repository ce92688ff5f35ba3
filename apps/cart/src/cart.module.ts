import { DynamicModule, Module } from '@nestjs/common';
import { MESSAGING_ENTITIES } from '@order-platform/messaging';
import { PersistenceModule } from '@order-platform/persistence';
import { ServiceKitModule } from '@order-platform/service-kit';
import type { CartConfig } from './cart-config';
import { cartEntities } from './cart-entities';
import { CatalogModule } from './catalog/catalog.module';
import { CustomerOrdersModule } from './customer-orders/customer-orders.module';
import { DemoCatalogSeeder } from './demo-data/demo-catalog.seeder';
import { GroupOrdersModule } from './group-orders/group-orders.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { cartMigrations } from './migrations';
import { SubmitCartModule } from './submit-cart/submit-cart.module';
import { WholesaleModule } from './wholesale/wholesale.module';

/** Catalog, carts and pricing; publishes CartUpdated through its outbox. */
@Module({})
export class CartModule {
  static forRoot(config: CartConfig): DynamicModule {
    return {
      module: CartModule,
      imports: [
        ServiceKitModule.forRoot({ name: 'cart', config, database: true }),
        PersistenceModule.forService({
          serviceName: 'cart',
          url: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          entities: [...cartEntities, ...MESSAGING_ENTITIES],
          migrations: cartMigrations(config.DATABASE_SCHEMA),
        }),
        CatalogModule,
        IdempotencyModule,
        SubmitCartModule.register(config),
        WholesaleModule,
        CustomerOrdersModule.register(config),
        GroupOrdersModule.register(config),
      ],
      providers: [DemoCatalogSeeder],
    };
  }
}
