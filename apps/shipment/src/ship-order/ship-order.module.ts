import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import { OutboxRelayMetrics } from '@order-platform/service-kit';
import { CARRIER } from '../carrier/carrier';
import { LocalCarrier } from '../carrier/local-carrier';
import type { ShipmentConfig } from '../shipment-config';
import { CreateShipmentHandler } from './create-shipment.handler';
import { OrderEventsHandler } from './order-events.handler';
import { ShipOrderService } from './ship-order.service';

@Module({})
export class ShipOrderModule {
  static register(config: ShipmentConfig): DynamicModule {
    return {
      module: ShipOrderModule,
      imports: [MessagingModule.forService({ serviceName: 'shipment', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID })],
      controllers: [OrderEventsHandler, CreateShipmentHandler],
      providers: [
        { provide: CARRIER, useFactory: () => new LocalCarrier(config.CARRIER_FAULT) },
        ShipOrderService,
        OutboxRelayMetrics,
      ],
    };
  }
}
