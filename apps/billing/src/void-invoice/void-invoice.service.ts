import { Injectable } from '@nestjs/common';
import { createEvent, Topics, type TypedEvent } from '@order-platform/contracts';
import { InboxHandler, OutboxWriter } from '@order-platform/messaging';
import type { EntityManager } from 'typeorm';
import { recordCancellation } from '../cancellations/cancelled-orders';
import { BILLING_CONSUMER } from '../create-invoice/create-invoice.service';
import { lockOrder } from '../invoices/invoice-issuer.service';
import { InvoiceRecord } from '../invoices/invoice.entity';

export class InvoiceNotYetKnownError extends Error {
  override readonly name = 'InvoiceNotYetKnownError';
}

export type VoidOutcome = 'processed' | 'duplicate';

/**
 * PaymentFailed or OrderCancelled -> the order's invoice is voided (kept, with its number, so
 * numbering stays gap-free) and InvoiceVoided is published, in the inbox transaction. An
 * invoice already void stays as it is and nothing is published again.
 */
@Injectable()
export class VoidInvoiceService {
  constructor(
    private readonly inbox: InboxHandler,
    private readonly outbox: OutboxWriter,
  ) {}

  async onPaymentFailed(event: TypedEvent<'PaymentFailed'>): Promise<VoidOutcome> {
    const failure = event.payload;
    const result = await this.inbox.handleOnce(BILLING_CONSUMER, event, async (manager) => {
      await lockOrder(manager, failure.orderId);
      const invoice = failure.invoiceId
        ? await manager.findOneBy(InvoiceRecord, { id: failure.invoiceId })
        : await manager.findOneBy(InvoiceRecord, { orderId: failure.orderId });
      // Payment only charges invoices billing issued, so this is ordering lag: retry.
      if (!invoice) throw new InvoiceNotYetKnownError(`no invoice ${failure.invoiceId ?? `for order ${failure.orderId}`} yet`);
      await this.voidInvoice(manager, invoice, `${failure.reasonCode}: ${failure.reason}`, event.correlationId);
    });
    return result.status;
  }

  /**
   * A cancelled order without an invoice (cancelled before it was submitted, or a store order
   * billing never saw) has nothing to void; the cancellation is recorded either way, under the
   * order lock issuing takes, so a CartUpdated arriving after it issues no invoice.
   */
  async onOrderCancelled(event: TypedEvent<'OrderCancelled'>): Promise<VoidOutcome> {
    const cancellation = event.payload;
    const result = await this.inbox.handleOnce(BILLING_CONSUMER, event, async (manager) => {
      await lockOrder(manager, cancellation.orderId);
      await recordCancellation(manager, event);
      const invoice = await manager.findOneBy(InvoiceRecord, { orderId: cancellation.orderId });
      if (!invoice) return;
      await this.voidInvoice(manager, invoice, `order_cancelled: ${cancellation.reason}`, event.correlationId);
    });
    return result.status;
  }

  private async voidInvoice(manager: EntityManager, invoice: InvoiceRecord, reasonText: string, correlationId: string): Promise<void> {
    if (invoice.status === 'voided') return;
    const voidedAt = new Date();
    const reason = reasonText.slice(0, 500);
    await manager.update(InvoiceRecord, { id: invoice.id }, { status: 'voided', voidedAt, voidReason: reason });
    await this.outbox.append(
      manager,
      createEvent(
        Topics.InvoiceVoided,
        { orderId: invoice.orderId, invoiceId: invoice.id, invoiceNumber: invoice.number, reason, voidedAt: voidedAt.toISOString() },
        { correlationId },
      ),
    );
  }
}
