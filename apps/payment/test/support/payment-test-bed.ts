import { type CommandReply, Commands, type ProcessPaymentResponse } from '@order-platform/contracts';
import { ServiceTestBed } from '@order-platform/service-kit';
import { DataSource } from 'typeorm';
import { ChargeInvoiceService } from '../../src/charges/charge-invoice.service';
import { paymentService } from '../../src/payment.service-definition';
import type { SandboxPaymentProvider } from '../../src/providers';
import { PAYMENT_PROVIDER } from '../../src/providers/payment-provider.token';
import { RefundChargeService } from '../../src/refund-charge/refund-charge.service';

export interface PaymentTestBedOptions {
  /** Prefix of the test database's name (default `payment`). */
  database?: string;
  /** Settings on top of DEMO_DATA=true (the demo customers and their cards on file). */
  env?: Record<string, string>;
  /** Topics recorded from the start, for `received` and `eventsFor`. */
  topics?: string[];
  /** Connect a client for `payment.process-payment` (`pay`). */
  commands?: boolean;
}

/**
 * The payment service in this process on real PostgreSQL and Kafka with the sandbox provider,
 * and what its integration tests read: its tables, its outbox, the topics it publishes to.
 */
export class PaymentTestBed extends ServiceTestBed {
  /** Resolved once: tests spy on it and inject faults into it. */
  readonly sandbox = this.get<SandboxPaymentProvider>(PAYMENT_PROVIDER);

  static start(options: PaymentTestBedOptions = {}): Promise<PaymentTestBed> {
    return super.setUp(
      {
        definition: paymentService,
        database: options.database ?? 'payment',
        env: { DEMO_DATA: 'true', ...options.env },
        topics: options.topics,
        commands: options.commands ? [Commands.Payment.ProcessPayment] : undefined,
        inboxConsumer: 'payment',
        handledTimeoutMs: 40_000,
      },
      (parts) => new PaymentTestBed(parts),
    );
  }

  /** The one code path that charges an invoice. */
  charges(): ChargeInvoiceService {
    return this.get(ChargeInvoiceService);
  }

  /** The OrderCancelled handler's service. */
  refunds(): RefundChargeService {
    return this.get(RefundChargeService);
  }

  dataSource(): DataSource {
    return this.get(DataSource);
  }

  pay(request: object, key: string): Promise<CommandReply<ProcessPaymentResponse>> {
    return this.send<CommandReply<ProcessPaymentResponse>>(Commands.Payment.ProcessPayment, request, key, 30_000);
  }

  chargesFor(invoiceId: string) {
    return this.sql.rows(`SELECT * FROM $schema.charges WHERE invoice_id = $1`, [invoiceId]);
  }

  refundsFor(orderId: string) {
    return this.sql.rows(`SELECT * FROM $schema.refunds WHERE order_id = $1`, [orderId]);
  }

  async cancellationOf(orderId: string) {
    return (await this.sql.rows(`SELECT * FROM $schema.cancelled_orders WHERE order_id = $1`, [orderId]))[0];
  }

  /** Every event payment publishes is written to the outbox first: what is not there is never sent. */
  outboxFor(orderId: string) {
    return this.sql.rows<{ topic: string; payload: unknown }>(`SELECT topic, payload FROM $schema.outbox WHERE key = $1 ORDER BY seq`, [orderId]);
  }

  async outboxTopicsFor(orderId: string): Promise<string[]> {
    return (await this.outboxFor(orderId)).map((r) => r.topic);
  }

  /** The charges the sandbox provider holds for one invoice (its ledger, in the sandbox schema). */
  async providerChargesFor(invoiceId: string) {
    return (await this.sandbox.listCharges()).filter((c) => c.metadata['invoiceId'] === invoiceId);
  }
}
