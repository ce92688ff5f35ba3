import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import { OutboxRelayMetrics } from '@order-platform/service-kit';
import type { BillingConfig } from '../billing-config';
import { CartUpdatedHandler } from './cart-updated.handler';
import { CreateInvoiceService } from './create-invoice.service';

@Module({})
export class CreateInvoiceModule {
  static register(config: BillingConfig): DynamicModule {
    return {
      module: CreateInvoiceModule,
      imports: [MessagingModule.forService({ serviceName: 'billing', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID })],
      controllers: [CartUpdatedHandler],
      providers: [CreateInvoiceService, OutboxRelayMetrics],
    };
  }
}
