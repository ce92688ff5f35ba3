import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvent, Topics, type TypedEvent } from '@order-platform/contracts';
import { InboxHandler, OutboxWriter } from '@order-platform/messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { InvoiceLineRecord } from '../invoices/invoice-line.entity';
import { InvoiceRecord } from '../invoices/invoice.entity';
import { nextInvoiceNumber } from '../invoices/next-invoice-number';
import { buildInvoiceLines } from './build-invoice-lines';

export const BILLING_CONSUMER = 'billing';

/**
 * CartUpdated -> one invoice and its InvoiceCreated event, written in the transaction that
 * also records the event in the inbox: a redelivered CartUpdated changes nothing.
 */
@Injectable()
export class CreateInvoiceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbox: InboxHandler,
    private readonly outbox: OutboxWriter,
  ) {}

  async handle(event: TypedEvent<'CartUpdated'>): Promise<'processed' | 'duplicate'> {
    const result = await this.inbox.handleOnce(BILLING_CONSUMER, event, (manager) => this.createInvoice(manager, event));
    return result.status;
  }

  private async createInvoice(manager: EntityManager, event: TypedEvent<'CartUpdated'>): Promise<void> {
    const order = event.payload;
    // A second CartUpdated for the same order (new event id) must not bill it twice either.
    if (await manager.existsBy(InvoiceRecord, { orderId: order.orderId })) return;

    const issuedAt = new Date();
    const schema = String((this.dataSource.options as { schema?: string }).schema);
    const lines = buildInvoiceLines(order);
    const invoice = Object.assign(new InvoiceRecord(), {
      id: randomUUID(),
      orderId: order.orderId,
      customerId: order.customerId,
      number: await nextInvoiceNumber(manager, schema, issuedAt.getUTCFullYear()),
      currency: order.currency,
      subtotalMinor: order.subtotalMinor,
      taxMinor: order.taxMinor,
      totalMinor: order.totalMinor,
      status: 'issued' as const,
      issuedAt,
    });
    invoice.lines = lines.map((line, index) =>
      Object.assign(new InvoiceLineRecord(), {
        invoiceId: invoice.id,
        lineNo: index + 1,
        description: line.description,
        productId: line.productId ?? null,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        taxMinor: line.taxMinor,
        totalMinor: line.totalMinor,
      }),
    );
    await manager.save(InvoiceRecord, invoice);
    await this.outbox.append(
      manager,
      createEvent(
        Topics.InvoiceCreated,
        {
          orderId: order.orderId,
          invoiceId: invoice.id,
          invoiceNumber: invoice.number,
          customerId: order.customerId,
          currency: order.currency,
          lines,
          subtotalMinor: order.subtotalMinor,
          taxMinor: order.taxMinor,
          totalMinor: order.totalMinor,
          issuedAt: issuedAt.toISOString(),
        },
        { correlationId: event.correlationId },
      ),
    );
  }
}
