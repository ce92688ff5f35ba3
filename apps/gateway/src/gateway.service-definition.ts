import type { ServiceDefinition } from '@order-platform/service-kit';
import { GatewayConfig } from './gateway-config';
import { GatewayModule } from './gateway.module';
import { configureGatewayHttp } from './http/configure-gateway-http';

export const gatewayService: ServiceDefinition<GatewayConfig> = {
  name: 'gateway',
  configClass: GatewayConfig,
  module: (config) => GatewayModule.forRoot(config),
  configure: configureGatewayHttp,
};
