import { Injectable } from '@nestjs/common';
import { createEvent, Topics, type TypedEvent } from '@order-platform/contracts';
import { InboxHandler, OutboxWriter } from '@order-platform/messaging';
import type { EntityManager } from 'typeorm';
import { BILLING_CONSUMER } from '../create-invoice/create-invoice.service';
import { lockOrder } from '../invoices/invoice-issuer.service';
import { InvoiceRecord } from '../invoices/invoice.entity';

export class InvoiceNotYetKnownError extends Error {
  override readonly name = 'InvoiceNotYetKnownError';
}

/**
 * PaymentFailed -> the order's invoice is voided (kept, with its number, so numbering stays
 * gap-free) and InvoiceVoided is published, in the inbox transaction.
 */
@Injectable()
export class VoidInvoiceService {
  constructor(
    private readonly inbox: InboxHandler,
    private readonly outbox: OutboxWriter,
  ) {}

  async handle(event: TypedEvent<'PaymentFailed'>): Promise<'processed' | 'duplicate'> {
    const result = await this.inbox.handleOnce(BILLING_CONSUMER, event, (manager) => this.voidInvoice(manager, event));
    return result.status;
  }

  private async voidInvoice(manager: EntityManager, event: TypedEvent<'PaymentFailed'>): Promise<void> {
    const failure = event.payload;
    await lockOrder(manager, failure.orderId);
    const invoice = failure.invoiceId
      ? await manager.findOneBy(InvoiceRecord, { id: failure.invoiceId })
      : await manager.findOneBy(InvoiceRecord, { orderId: failure.orderId });
    // Payment only charges invoices billing issued, so this is ordering lag: retry.
    if (!invoice) throw new InvoiceNotYetKnownError(`no invoice ${failure.invoiceId ?? `for order ${failure.orderId}`} yet`);
    if (invoice.status === 'voided') return;

    const voidedAt = new Date();
    const reason = `${failure.reasonCode}: ${failure.reason}`.slice(0, 500);
    await manager.update(InvoiceRecord, { id: invoice.id }, { status: 'voided', voidedAt, voidReason: reason });
    await this.outbox.append(
      manager,
      createEvent(
        Topics.InvoiceVoided,
        { orderId: invoice.orderId, invoiceId: invoice.id, invoiceNumber: invoice.number, reason, voidedAt: voidedAt.toISOString() },
        { correlationId: event.correlationId },
      ),
    );
  }
}
