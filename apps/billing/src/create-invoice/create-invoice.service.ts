import { Injectable, Logger } from '@nestjs/common';
import type { TypedEvent } from '@order-platform/contracts';
import { InboxHandler } from '@order-platform/messaging';
import { InvoiceIssuer } from '../invoices/invoice-issuer.service';
import { draftFromCartUpdated } from './draft-from-cart-updated';

export const BILLING_CONSUMER = 'billing';

export type CreateInvoiceOutcome = 'processed' | 'duplicate' | 'order_cancelled';

/**
 * CartUpdated -> one invoice and its InvoiceCreated event, written in the transaction that
 * also records the event in the inbox: a redelivered CartUpdated changes nothing, and an
 * invoice the issue-invoice command created first is kept as is. An order cancelled before
 * it was invoiced gets no invoice: the event is logged and recorded as handled (retrying
 * could not change the answer).
 */
@Injectable()
export class CreateInvoiceService {
  private readonly logger = new Logger(CreateInvoiceService.name);

  constructor(
    private readonly inbox: InboxHandler,
    private readonly issuer: InvoiceIssuer,
  ) {}

  async handle(event: TypedEvent<'CartUpdated'>): Promise<CreateInvoiceOutcome> {
    const result = await this.inbox.handleOnce(BILLING_CONSUMER, event, (manager) =>
      this.issuer.issueOnce(manager, draftFromCartUpdated(event.payload), event.correlationId),
    );
    if (result.status === 'duplicate') return 'duplicate';
    if ('cancelled' in result.result) {
      const { orderId, cancellationEventId } = result.result.cancelled;
      this.logger.log({ orderId, cancellationEventId, eventId: event.id }, 'order was cancelled before it was invoiced; CartUpdated issues no invoice');
      return 'order_cancelled';
    }
    return 'processed';
  }
}
