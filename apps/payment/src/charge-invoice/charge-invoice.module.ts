import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import { EventReceiptRecorder, OutboxRelayMetrics } from '@order-platform/service-kit';
import type { PaymentConfig } from '../payment-config';
import { InvoiceEventsHandler } from './invoice-events.handler';

@Module({})
export class ChargeInvoiceModule {
  static register(config: PaymentConfig): DynamicModule {
    return {
      module: ChargeInvoiceModule,
      imports: [MessagingModule.forService({ serviceName: 'payment', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID })],
      controllers: [InvoiceEventsHandler],
      providers: [EventReceiptRecorder, OutboxRelayMetrics],
    };
  }
}
