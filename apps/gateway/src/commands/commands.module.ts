import { Module } from '@nestjs/common';
import { ClientProxyFactory } from '@nestjs/microservices';
import { kafkaCommandClientTransport, SERVICE_CONFIG } from '@order-platform/service-kit';
import type { GatewayConfig } from '../gateway-config';
import { COMMAND_CLIENT, CommandBus } from './command-bus.service';

@Module({
  providers: [
    {
      provide: COMMAND_CLIENT,
      inject: [SERVICE_CONFIG],
      useFactory: (config: GatewayConfig) =>
        ClientProxyFactory.create(kafkaCommandClientTransport({ clientId: config.KAFKA_CLIENT_ID, brokers: config.KAFKA_BROKERS })),
    },
    CommandBus,
  ],
  exports: [CommandBus],
})
export class CommandsModule {}
