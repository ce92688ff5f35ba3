import { DynamicModule, Module } from '@nestjs/common';
import { MESSAGING_ENTITIES } from '@order-platform/messaging';
import { PersistenceModule } from '@order-platform/persistence';
import { ServiceKitModule } from '@order-platform/service-kit';
import { CancelledOrderRecord } from './cancellations/cancelled-order.entity';
import { ChargeRecord } from './charges/charge.entity';
import { PayableInvoiceRecord } from './invoices/payable-invoice.entity';
import { paymentMigrations } from './migrations';
import type { PaymentConfig } from './payment-config';
import { PaymentMethodRecord } from './payment-methods/payment-method.entity';
import { PaymentsModule } from './payments.module';
import { RefundRecord } from './refund-charge/refund.entity';

/**
 * Charges, refunds and cards on file. Consumes InvoiceCreated and OrderCancelled, answers
 * payment.process-payment, publishes PaymentProcessed, PaymentFailed and PaymentRefunded.
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
          entities: [PaymentMethodRecord, PayableInvoiceRecord, ChargeRecord, RefundRecord, CancelledOrderRecord, ...MESSAGING_ENTITIES],
          migrations: paymentMigrations(config.DATABASE_SCHEMA),
        }),
        PaymentsModule.register(config),
      ],
    };
  }
}
