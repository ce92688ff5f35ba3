import { Injectable } from '@nestjs/common';
import { createEvent, Topics, type TypedEvent } from '@order-platform/contracts';
import { OutboxWriter } from '@order-platform/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { CancelledOrderRecord } from '../cancellations/cancelled-order.entity';
import { findCancellation } from '../cancellations/cancelled-orders';
import type { InvoiceDraft } from './invoice-draft';
import { InvoiceLineRecord } from './invoice-line.entity';
import { InvoiceRecord } from './invoice.entity';
import { nextInvoiceNumber } from './next-invoice-number';

export interface IssuedInvoice {
  invoice: InvoiceRecord;
  /** False when the order already had its invoice (the other path got there first). */
  created: boolean;
}

/** The order was cancelled before it had an invoice: none is issued. */
export interface CancelledBeforeInvoicing {
  cancelled: CancelledOrderRecord;
}

export type IssueOutcome = IssuedInvoice | CancelledBeforeInvoicing;

/**
 * The one place invoices are created. CartUpdated and billing.issue-invoice both come here;
 * a per-order advisory lock makes them converge on one invoice without a unique-violation
 * abort (which would also burn no number, but would fail the losing transaction). The
 * OrderCancelled handler records a cancellation under the same lock, so an order cancelled
 * before it was invoiced is never invoiced afterwards.
 */
@Injectable()
export class InvoiceIssuer {
  constructor(private readonly outbox: OutboxWriter) {}

  async issueOnce(manager: EntityManager, draft: InvoiceDraft, correlationId: string): Promise<IssueOutcome> {
    await lockOrder(manager, draft.orderId);
    const existing = await manager.findOneBy(InvoiceRecord, { orderId: draft.orderId });
    if (existing) return { invoice: existing, created: false };
    const cancelled = await findCancellation(manager, draft.orderId);
    if (cancelled) return { cancelled };

    const issuedAt = new Date();
    const schema = String((manager.connection.options as { schema?: string }).schema);
    const invoice = Object.assign(new InvoiceRecord(), {
      id: randomUUID(),
      orderId: draft.orderId,
      customerId: draft.customerId,
      number: await nextInvoiceNumber(manager, schema, issuedAt.getUTCFullYear()),
      currency: draft.currency,
      subtotalMinor: draft.subtotalMinor,
      taxMinor: draft.taxMinor,
      totalMinor: draft.totalMinor,
      status: 'issued' as const,
      issuedAt,
      customerName: draft.contact.name ?? null,
      customerEmail: draft.contact.email ?? null,
      customerPhone: draft.contact.phone ?? null,
      shippingAddress: draft.shippingAddress ?? null,
      deliveryAddress: draft.deliveryAddress ?? null,
      paymentTerms: draft.paymentTerms,
      source: draft.source,
      deliveryRoundId: draft.deliveryRoundId ?? null,
      awaitsMerchantConfirmation: draft.awaitsMerchantConfirmation === true,
      voidedAt: null,
      voidReason: null,
    });
    invoice.lines = draft.lines.map((line, index) =>
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
    await this.outbox.append(manager, invoiceCreatedEvent(invoice, draft, correlationId));
    return { invoice, created: true };
  }
}

/** Held until the transaction ends; serializes every writer of one order's invoice. */
export async function lockOrder(manager: EntityManager, orderId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`billing.invoice:${orderId}`]);
}

function invoiceCreatedEvent(invoice: InvoiceRecord, draft: InvoiceDraft, correlationId: string): TypedEvent<'InvoiceCreated'> {
  return createEvent(
    Topics.InvoiceCreated,
    {
      orderId: invoice.orderId,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      customerId: invoice.customerId,
      currency: invoice.currency,
      lines: draft.lines,
      subtotalMinor: invoice.subtotalMinor,
      taxMinor: invoice.taxMinor,
      totalMinor: invoice.totalMinor,
      issuedAt: invoice.issuedAt.toISOString(),
      customerName: draft.contact.name,
      customerEmail: draft.contact.email,
      customerPhone: draft.contact.phone,
      shippingAddress: draft.shippingAddress,
      deliveryAddress: draft.deliveryAddress,
      paymentTerms: draft.paymentTerms,
      ...(draft.deliveryRoundId ? { deliveryRoundId: draft.deliveryRoundId } : {}),
      // Only when set, like deliveryRoundId: other orders' InvoiceCreated stays as before.
      ...(draft.awaitsMerchantConfirmation ? { awaitsMerchantConfirmation: true } : {}),
    },
    { correlationId },
  );
}
