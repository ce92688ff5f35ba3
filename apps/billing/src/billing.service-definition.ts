import type { ServiceDefinition } from '@order-platform/service-kit';
import { BillingConfig } from './billing-config';
import { BillingModule } from './billing.module';

export const billingService: ServiceDefinition<BillingConfig> = {
  name: 'billing',
  configClass: BillingConfig,
  module: (config) => BillingModule.forRoot(config),
  consumesKafka: true,
};
