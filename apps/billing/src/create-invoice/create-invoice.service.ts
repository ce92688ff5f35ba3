import { Injectable } from '@nestjs/common';
import type { TypedEvent } from '@order-platform/contracts';
import { InboxHandler } from '@order-platform/messaging';
import { InvoiceIssuer } from '../invoices/invoice-issuer.service';
import { draftFromCartUpdated } from './draft-from-cart-updated';

export const BILLING_CONSUMER = 'billing';

/**
 * CartUpdated -> one invoice and its InvoiceCreated event, written in the transaction that
 * also records the event in the inbox: a redelivered CartUpdated changes nothing, and an
 * invoice the issue-invoice command created first is kept as is.
 */
@Injectable()
export class CreateInvoiceService {
  constructor(
    private readonly inbox: InboxHandler,
    private readonly issuer: InvoiceIssuer,
  ) {}

  async handle(event: TypedEvent<'CartUpdated'>): Promise<'processed' | 'duplicate'> {
    const result = await this.inbox.handleOnce(BILLING_CONSUMER, event, (manager) =>
      this.issuer.issueOnce(manager, draftFromCartUpdated(event.payload), event.correlationId),
    );
    return result.status;
  }
}
