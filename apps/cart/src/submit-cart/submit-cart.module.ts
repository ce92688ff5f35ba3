import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import { OutboxRelayMetrics } from '@order-platform/service-kit';
import type { CartConfig } from '../cart-config';
import { CatalogModule } from '../catalog/catalog.module';
import { SubmitCartHandler } from './submit-cart.handler';
import { SubmitCartService } from './submit-cart.service';

@Module({})
export class SubmitCartModule {
  static register(config: CartConfig): DynamicModule {
    return {
      module: SubmitCartModule,
      imports: [
        CatalogModule,
        MessagingModule.forService({ serviceName: 'cart', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID }),
      ],
      controllers: [SubmitCartHandler],
      providers: [SubmitCartService, OutboxRelayMetrics],
    };
  }
}
