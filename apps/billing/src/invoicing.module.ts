import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import { OutboxRelayMetrics } from '@order-platform/service-kit';
import type { BillingConfig } from './billing-config';
import { CartUpdatedHandler } from './create-invoice/cart-updated.handler';
import { CreateInvoiceService } from './create-invoice/create-invoice.service';
import { InvoiceIssuer } from './invoices/invoice-issuer.service';
import { IssueInvoiceHandler } from './issue-invoice/issue-invoice.handler';
import { IssueInvoiceService } from './issue-invoice/issue-invoice.service';
import { OrderCancelledHandler } from './void-invoice/order-cancelled.handler';
import { PaymentFailedHandler } from './void-invoice/payment-failed.handler';
import { VoidInvoiceService } from './void-invoice/void-invoice.service';

/** The billing capabilities; one MessagingModule so the service runs one outbox relay. */
@Module({})
export class InvoicingModule {
  static register(config: BillingConfig): DynamicModule {
    return {
      module: InvoicingModule,
      imports: [MessagingModule.forService({ serviceName: 'billing', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID })],
      controllers: [CartUpdatedHandler, IssueInvoiceHandler, PaymentFailedHandler, OrderCancelledHandler],
      providers: [InvoiceIssuer, CreateInvoiceService, IssueInvoiceService, VoidInvoiceService, OutboxRelayMetrics],
    };
  }
}
