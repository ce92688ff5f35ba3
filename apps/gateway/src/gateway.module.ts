import { DynamicModule, Module } from '@nestjs/common';
import { ServiceKitModule } from '@order-platform/service-kit';
import { CheckoutModule } from './checkout/checkout.module';
import { CustomerAppModule } from './customer-app/customer-app.module';
import { OrderTrackingModule } from './customer-app/tracking/order-tracking.module';
import { DocsModule } from './docs/docs.module';
import type { GatewayConfig } from './gateway-config';
import { GroupOrdersModule } from './group-orders/group-orders.module';
import { StoreModule } from './store/store.module';
import { WholesaleModule } from './wholesale/wholesale.module';

/** The public REST surface. No database of its own: readiness means Kafka answers. */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayModule,
      imports: [ServiceKitModule.forRoot({ name: 'gateway', config }), CheckoutModule, WholesaleModule, StoreModule, DocsModule, OrderTrackingModule, CustomerAppModule, GroupOrdersModule],
    };
  }
}
