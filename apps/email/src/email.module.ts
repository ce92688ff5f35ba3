import { DynamicModule, Module } from '@nestjs/common';
import { MESSAGING_ENTITIES } from '@order-platform/messaging';
import { PersistenceModule } from '@order-platform/persistence';
import { ServiceKitModule } from '@order-platform/service-kit';
import { NotifyCustomerModule } from './notify-customer/notify-customer.module';
import { emailMigrations } from './migrations';
import type { EmailConfig } from './email-config';

/** Customer notifications over SMTP: a notification log, exactly-once-effective sends, EmailSent via the outbox. */
@Module({})
export class EmailModule {
  static forRoot(config: EmailConfig): DynamicModule {
    return {
      module: EmailModule,
      imports: [
        ServiceKitModule.forRoot({ name: 'email', config, database: true }),
        PersistenceModule.forService({
          serviceName: 'email',
          url: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          entities: [...MESSAGING_ENTITIES],
          migrations: emailMigrations(config.DATABASE_SCHEMA),
        }),
        NotifyCustomerModule.register(config),
      ],
    };
  }
}
