import type { ServiceDefinition } from '@order-platform/service-kit';
import { PaymentConfig } from './payment-config';
import { PaymentModule } from './payment.module';

export const paymentService: ServiceDefinition<PaymentConfig> = {
  name: 'payment',
  configClass: PaymentConfig,
  module: (config) => PaymentModule.forRoot(config),
  consumesKafka: true,
};
