import type { Type } from '@nestjs/common';
import { type CommandReply, Commands, type IssueInvoiceResponse, type TypedEvent } from '@order-platform/contracts';
import { CommandClientForTest, inboxHas, publishEventForTest, type ReadMessage, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { SchemaSql, setUpOnTestInfra, type TestInfra, waitFor, type WaitForOptions } from '@order-platform/testing';
import { billingService } from '../../src/billing.service-definition';

export interface BillingTestBedOptions {
  /** Topics recorded from the start, for `received` and `eventsFor`. */
  topics: string[];
  /** Connect a client for `billing.issue-invoice` (`issue`). */
  commands?: boolean;
}

/**
 * The billing service in this process on real PostgreSQL and Kafka, and what its integration
 * tests read: its tables, its outbox, the topics it publishes to.
 */
export class BillingTestBed {
  private constructor(
    readonly infra: TestInfra,
    readonly service: Awaited<ReturnType<typeof startServiceForTest>>,
    readonly sql: SchemaSql,
    private readonly reader: TopicReader,
    private readonly commands?: CommandClientForTest,
  ) {}

  static start(options: BillingTestBedOptions): Promise<BillingTestBed> {
    return setUpOnTestInfra('billing', async (infra) => {
      const service = await startServiceForTest(billingService, { brokers: infra.kafka.brokers, databaseUrl: infra.database.url });
      infra.onStop(() => service.close());
      const commands = options.commands ? await CommandClientForTest.connect(infra.kafka.brokers, [Commands.Billing.IssueInvoice]) : undefined;
      infra.onStop(() => commands?.close());
      const reader = await TopicReader.start(infra.kafka.brokers, options.topics);
      infra.onStop(() => reader.stop());
      const sql = await SchemaSql.connect(infra.database.url, service.schema);
      infra.onStop(() => sql.end());
      return new BillingTestBed(infra, service, sql, reader, commands);
    });
  }

  /** Closes the service, its consumers and connections, then the infra. */
  stop(): Promise<void> {
    return this.infra.stop();
  }

  /** A provider of the running service. */
  get<T>(token: Type<T> | string | symbol): T {
    return this.service.app.get<T>(token, { strict: false });
  }

  publish(event: TypedEvent): Promise<void> {
    return publishEventForTest(this.infra.kafka.brokers, event);
  }

  /** Resolves once billing has recorded the event in its inbox. */
  handled(event: { id: string }, { timeoutMs = 30_000, description = `event ${event.id} handled` }: WaitForOptions = {}): Promise<boolean> {
    return waitFor(() => inboxHas(this.infra.database.url, this.service.schema, 'billing', event.id), { timeoutMs, description });
  }

  received(topic: string): ReadMessage[] {
    return this.reader.on(topic);
  }

  /** What has arrived on `topic` so far for one order. */
  eventsFor(topic: string, orderId: string): ReadMessage[] {
    return this.received(topic).filter((m) => (m.value as { orderId?: string }).orderId === orderId);
  }

  issue(request: object, orderId: string): Promise<CommandReply<IssueInvoiceResponse>> {
    if (!this.commands) throw new Error('the test bed has no command client: start it with `commands: true`');
    return this.commands.send<CommandReply<IssueInvoiceResponse>>(Commands.Billing.IssueInvoice, request, orderId, 30_000);
  }

  invoicesFor(orderId: string) {
    return this.sql.rows(`SELECT * FROM $schema.invoices WHERE order_id = $1`, [orderId]);
  }

  async cancellationOf(orderId: string) {
    return (await this.sql.rows(`SELECT * FROM $schema.cancelled_orders WHERE order_id = $1`, [orderId]))[0];
  }

  /** Every event billing publishes is written to the outbox first: none there, none ever sent. */
  async outboxTopicsFor(orderId: string): Promise<string[]> {
    return (await this.sql.rows<{ topic: string }>(`SELECT topic FROM $schema.outbox WHERE key = $1 ORDER BY seq`, [orderId])).map((r) => r.topic);
  }
}
