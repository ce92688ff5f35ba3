import { type CommandReply, Commands, type IssueInvoiceResponse } from '@order-platform/contracts';
import { ServiceTestBed } from '@order-platform/service-kit';
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
export class BillingTestBed extends ServiceTestBed {
  static start(options: BillingTestBedOptions): Promise<BillingTestBed> {
    return super.setUp(
      {
        definition: billingService,
        database: 'billing',
        topics: options.topics,
        commands: options.commands ? [Commands.Billing.IssueInvoice] : undefined,
        inboxConsumer: 'billing',
        handledTimeoutMs: 30_000,
      },
      (parts) => new BillingTestBed(parts),
    );
  }

  issue(request: object, orderId: string): Promise<CommandReply<IssueInvoiceResponse>> {
    return this.send<CommandReply<IssueInvoiceResponse>>(Commands.Billing.IssueInvoice, request, orderId, 30_000);
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
