import { DynamicModule, Module } from '@nestjs/common';
import { MESSAGING_ENTITIES } from '@order-platform/messaging';
import { PersistenceModule } from '@order-platform/persistence';
import { ServiceKitModule } from '@order-platform/service-kit';
import type { BillingConfig } from './billing-config';
import { CancelledOrderRecord } from './cancellations/cancelled-order.entity';
import { InvoiceLineRecord } from './invoices/invoice-line.entity';
import { InvoiceRecord } from './invoices/invoice.entity';
import { InvoicingModule } from './invoicing.module';
import { billingMigrations } from './migrations';

/**
 * Invoices: numbering, lines, tax, voiding. Consumes CartUpdated, PaymentFailed and OrderCancelled, answers
 * billing.issue-invoice, publishes InvoiceCreated and InvoiceVoided.
 */
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
          entities: [InvoiceRecord, InvoiceLineRecord, CancelledOrderRecord, ...MESSAGING_ENTITIES],
          migrations: billingMigrations(config.DATABASE_SCHEMA),
        }),
        InvoicingModule.register(config),
      ],
    };
  }
}
