import type { Type } from '@nestjs/common';
import { type CommandReply, Commands, type ProcessPaymentResponse, type TypedEvent } from '@order-platform/contracts';
import { CommandClientForTest, inboxHas, publishEventForTest, type ReadMessage, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { SchemaSql, setUpOnTestInfra, type TestInfra, waitFor, type WaitForOptions } from '@order-platform/testing';
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
export class PaymentTestBed {
  private constructor(
    readonly infra: TestInfra,
    readonly service: Awaited<ReturnType<typeof startServiceForTest>>,
    readonly sql: SchemaSql,
    /** Resolved once: tests spy on it and inject faults into it. */
    readonly sandbox: SandboxPaymentProvider,
    private readonly reader?: TopicReader,
    private readonly commands?: CommandClientForTest,
  ) {}

  static start(options: PaymentTestBedOptions = {}): Promise<PaymentTestBed> {
    return setUpOnTestInfra(options.database ?? 'payment', async (infra) => {
      const service = await startServiceForTest(
        paymentService,
        { brokers: infra.kafka.brokers, databaseUrl: infra.database.url },
        { DEMO_DATA: 'true', ...options.env },
      );
      infra.onStop(() => service.close());
      const reader = options.topics ? await TopicReader.start(infra.kafka.brokers, options.topics) : undefined;
      infra.onStop(() => reader?.stop());
      const commands = options.commands ? await CommandClientForTest.connect(infra.kafka.brokers, [Commands.Payment.ProcessPayment]) : undefined;
      infra.onStop(() => commands?.close());
      const sql = await SchemaSql.connect(infra.database.url, service.schema);
      infra.onStop(() => sql.end());
      const sandbox = service.app.get<SandboxPaymentProvider>(PAYMENT_PROVIDER, { strict: false });
      return new PaymentTestBed(infra, service, sql, sandbox, reader, commands);
    });
  }

  /** Closes the service, its consumers and connections, then the infra. */
  stop(): Promise<void> {
    return this.infra.stop();
  }

  /** A provider of the running service (its services, its DataSource, ...). */
  get<T>(token: Type<T> | string | symbol): T {
    return this.service.app.get<T>(token, { strict: false });
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

  publish(event: TypedEvent): Promise<void> {
    return publishEventForTest(this.infra.kafka.brokers, event);
  }

  /** Resolves once payment has recorded the event in its inbox (only a handler that succeeded does). */
  handled(event: { id: string }, { timeoutMs = 40_000, description = `event ${event.id} handled` }: WaitForOptions = {}): Promise<boolean> {
    return waitFor(() => inboxHas(this.infra.database.url, this.service.schema, 'payment', event.id), { timeoutMs, description });
  }

  /** What has arrived on `topic` so far (one of the `topics` the bed was started with). */
  received(topic: string): ReadMessage[] {
    if (!this.reader) throw new Error('the test bed records no topics: start it with `topics`');
    return this.reader.on(topic);
  }

  /** What has arrived on `topic` so far for one order. */
  eventsFor(topic: string, orderId: string): ReadMessage[] {
    return this.received(topic).filter((m) => (m.value as { orderId?: string }).orderId === orderId);
  }

  pay(request: object, key: string): Promise<CommandReply<ProcessPaymentResponse>> {
    if (!this.commands) throw new Error('the test bed has no command client: start it with `commands: true`');
    return this.commands.send<CommandReply<ProcessPaymentResponse>>(Commands.Payment.ProcessPayment, request, key, 30_000);
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

  /** The charges the sandbox provider holds for one invoice. */
  providerChargesFor(invoiceId: string) {
    return this.sandbox.listCharges().filter((c) => c.metadata['invoiceId'] === invoiceId);
  }
}
