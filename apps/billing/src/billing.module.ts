import { DynamicModule, Module } from '@nestjs/common';
import { MESSAGING_ENTITIES } from '@order-platform/messaging';
import { PersistenceModule } from '@order-platform/persistence';
import { ServiceKitModule } from '@order-platform/service-kit';
import type { BillingConfig } from './billing-config';
import { CreateInvoiceModule } from './create-invoice/create-invoice.module';
import { InvoiceLineRecord } from './invoices/invoice-line.entity';
import { InvoiceRecord } from './invoices/invoice.entity';
import { billingMigrations } from './migrations';

/** Invoices: numbering, lines, tax. Consumes CartUpdated, publishes InvoiceCreated. */
@Module({})
export class BillingModule {
  static forRoot(config: BillingConfig): DynamicModule {
    return {
      module: BillingModule,
      imports: [
        ServiceKitModule.forRoot({ name: 'billing', config, database: true }),
        PersistenceModule.forService({
          serviceName: 'billing',
          url: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          entities: [InvoiceRecord, InvoiceLineRecord, ...MESSAGING_ENTITIES],
          migrations: billingMigrations(config.DATABASE_SCHEMA),
        }),
        CreateInvoiceModule.register(config),
      ],
    };
  }
}
