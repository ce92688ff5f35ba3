import type { ServiceDefinition } from '@order-platform/service-kit';
import { EmailConfig } from './email-config';
import { EmailModule } from './email.module';

export const emailService: ServiceDefinition<EmailConfig> = {
  name: 'email',
  configClass: EmailConfig,
  module: (config) => EmailModule.forRoot(config),
  consumesKafka: true,
};
