import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import { CommandBus } from '../commands/command-bus.service';
import { CommandsModule } from '../commands/commands.module';
import type { GatewayConfig } from '../gateway-config';
import { HttpOrderReads } from './http-order-reads';
import { KafkaOrderReads } from './kafka-order-reads';
import { OrderReads } from './order-reads';

/** Provides OrderReads over the transport ORDER_READS names (kafka by default). */
@Module({
  imports: [CommandsModule],
  providers: [
    {
      provide: OrderReads,
      inject: [SERVICE_CONFIG, CommandBus],
      useFactory: (config: GatewayConfig, bus: CommandBus): OrderReads =>
        config.ORDER_READS === 'http'
          ? new HttpOrderReads({ orderStatus: config.ORDER_STATUS_URL as string, cart: config.CART_URL as string }, config.COMMAND_TIMEOUT_MS)
          : new KafkaOrderReads(bus),
    },
  ],
  exports: [OrderReads],
})
export class OrderReadsModule {}
