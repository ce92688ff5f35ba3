import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import { EventReceiptRecorder, OutboxRelayMetrics } from '@order-platform/service-kit';
import type { EmailConfig } from '../email-config';
import { OrderEventsHandler } from './order-events.handler';

@Module({})
export class NotifyCustomerModule {
  static register(config: EmailConfig): DynamicModule {
    return {
      module: NotifyCustomerModule,
      imports: [MessagingModule.forService({ serviceName: 'email', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID })],
      controllers: [OrderEventsHandler],
      providers: [EventReceiptRecorder, OutboxRelayMetrics],
    };
  }
}
