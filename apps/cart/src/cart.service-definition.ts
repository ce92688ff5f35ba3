import type { ServiceDefinition } from '@order-platform/service-kit';
import { CartConfig } from './cart-config';
import { CartModule } from './cart.module';

export const cartService: ServiceDefinition<CartConfig> = {
  name: 'cart',
  configClass: CartConfig,
  module: (config) => CartModule.forRoot(config),
  consumesKafka: true,
};
