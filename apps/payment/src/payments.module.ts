import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import { OutboxRelayMetrics } from '@order-platform/service-kit';
import { InvoiceCreatedHandler } from './charge-invoice/invoice-created.handler';
import { ChargeInvoiceService } from './charges/charge-invoice.service';
import { InvoiceProjectionFeed } from './invoices/invoice-projection-feed.service';
import type { PaymentConfig } from './payment-config';
import { DemoPaymentMethodsSeeder } from './payment-methods/demo-payment-methods.seeder';
import { ProcessPaymentHandler } from './process-payment/process-payment.handler';
import { ProcessPaymentService } from './process-payment/process-payment.service';
import { reconcileChargesProviders } from './reconcile-charges/reconcile-charges.providers';
import { ChargeRefunder } from './refund-charge/charge-refunder';
import { OrderCancelledHandler } from './refund-charge/order-cancelled.handler';
import { RefundChargeService } from './refund-charge/refund-charge.service';
import { PAYMENT_PROVIDER, paymentProviderFactory } from './providers/payment-provider.token';

/** The payment capabilities; one MessagingModule so the service runs one outbox relay. */
@Module({})
export class PaymentsModule {
  static register(config: PaymentConfig): DynamicModule {
    return {
      module: PaymentsModule,
      imports: [MessagingModule.forService({ serviceName: 'payment', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID })],
      controllers: [InvoiceCreatedHandler, ProcessPaymentHandler, OrderCancelledHandler],
      providers: [paymentProviderFactory, ChargeRefunder, ChargeInvoiceService, InvoiceProjectionFeed, ProcessPaymentService, RefundChargeService, DemoPaymentMethodsSeeder, OutboxRelayMetrics, ...reconcileChargesProviders(config)],
      exports: [PAYMENT_PROVIDER],
    };
  }
}
