import { DynamicModule, Module } from '@nestjs/common';
import { MESSAGING_ENTITIES } from '@order-platform/messaging';
import { PersistenceModule } from '@order-platform/persistence';
import { ServiceKitModule } from '@order-platform/service-kit';
import { ChargeInvoiceModule } from './charge-invoice/charge-invoice.module';
import { paymentMigrations } from './migrations';
import type { PaymentConfig } from './payment-config';

/** Charges and refunds. Subscribes to InvoiceCreated; charging it is the next step. */
@Module({})
export class PaymentModule {
  static forRoot(config: PaymentConfig): DynamicModule {
    return {
      module: PaymentModule,
      imports: [
        ServiceKitModule.forRoot({ name: 'payment', config, database: true }),
        PersistenceModule.forService({
          serviceName: 'payment',
          url: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          entities: [...MESSAGING_ENTITIES],
          migrations: paymentMigrations(config.DATABASE_SCHEMA),
        }),
        ChargeInvoiceModule.register(config),
      ],
    };
  }
}
