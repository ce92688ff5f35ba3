import { DynamicModule, Module } from '@nestjs/common';
import { MESSAGING_ENTITIES } from '@order-platform/messaging';
import { PersistenceModule } from '@order-platform/persistence';
import { ServiceKitModule } from '@order-platform/service-kit';
import { ChargeRecord } from './charges/charge.entity';
import { PayableInvoiceRecord } from './invoices/payable-invoice.entity';
import { paymentMigrations } from './migrations';
import type { PaymentConfig } from './payment-config';
import { PaymentMethodRecord } from './payment-methods/payment-method.entity';
import { PaymentsModule } from './payments.module';

/**
 * Charges and cards on file. Consumes InvoiceCreated, answers payment.process-payment,
 * publishes PaymentProcessed and PaymentFailed.
 */
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
          entities: [PaymentMethodRecord, PayableInvoiceRecord, ChargeRecord, ...MESSAGING_ENTITIES],
          migrations: paymentMigrations(config.DATABASE_SCHEMA),
        }),
        PaymentsModule.register(config),
      ],
    };
  }
}
