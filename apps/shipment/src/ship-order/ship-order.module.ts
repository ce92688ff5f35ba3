import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import { EventReceiptRecorder, OutboxRelayMetrics } from '@order-platform/service-kit';
import type { ShipmentConfig } from '../shipment-config';
import { PaymentEventsHandler } from './payment-events.handler';

@Module({})
export class ShipOrderModule {
  static register(config: ShipmentConfig): DynamicModule {
    return {
      module: ShipOrderModule,
      imports: [MessagingModule.forService({ serviceName: 'shipment', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID })],
      controllers: [PaymentEventsHandler],
      providers: [EventReceiptRecorder, OutboxRelayMetrics],
    };
  }
}
