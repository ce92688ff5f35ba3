import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import type { CartConfig } from '../cart-config';
import { CustomerAppOrdersHandler } from './customer-app-orders.handler';
import { CustomerAppOrdersService } from './customer-app-orders.service';
import { DemoCustomerAppSeeder } from './demo-data/demo-customer-app.seeder';
import { InternalCustomerAppOrderController } from './internal-customer-app-order.controller';

/** Customer-app drafts, coupons and app users; submitting a draft emits CartUpdated. The draft read is also served over internal HTTP. */
@Module({})
export class CustomerOrdersModule {
  static register(config: CartConfig): DynamicModule {
    return {
      module: CustomerOrdersModule,
      // The outbox writer only: SubmitCartModule's relay publishes every row of the cart outbox.
      imports: [MessagingModule.forService({ serviceName: 'cart', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, relay: false })],
      controllers: [CustomerAppOrdersHandler, InternalCustomerAppOrderController],
      providers: [CustomerAppOrdersService, DemoCustomerAppSeeder],
    };
  }
}
