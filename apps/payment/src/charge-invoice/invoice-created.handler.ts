import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { Topics, type TypedEvent } from '@order-platform/contracts';
import { InboxHandler, NonRetryableError, ReliableEventHandler } from '@order-platform/messaging';
import { MetricsService } from '@order-platform/service-kit';
import type { DataSource } from 'typeorm';
import { ChargeInvoiceService } from '../charges/charge-invoice.service';
import { recordPayableInvoice } from '../invoices/record-payable-invoice';
import { PaymentRequestError } from '../providers';

export const PAYMENT_CONSUMER = 'payment';

/**
 * InvoiceCreated -> charge the customer's card on file (or settle on account). Every step is
 * idempotent on its own (projection insert-or-ignore, one charge row per invoice), so a
 * redelivery or a retry after a TransientPaymentError repeats nothing that already happened;
 * the inbox row is written last, as the receipt.
 */
@Controller()
export class InvoiceCreatedHandler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charges: ChargeInvoiceService,
    private readonly inbox: InboxHandler,
    private readonly metrics: MetricsService,
  ) {}

  @EventPattern(Topics.InvoiceCreated)
  @ReliableEventHandler({
    consumerGroup: PAYMENT_CONSUMER,
    maxAttempts: 6,
    // A rejected request (bad amount, bad key) fails the same way every time.
    isRetryable: (error) => !(error instanceof NonRetryableError || error instanceof PaymentRequestError),
  })
  async onInvoiceCreated(@Payload() event: TypedEvent<'InvoiceCreated'>, @Ctx() _context: KafkaContext): Promise<void> {
    await recordPayableInvoice(this.dataSource, event);
    await this.charges.chargeInvoice(event.payload.invoiceId);
    const outcome = await this.inbox.handleOnce(PAYMENT_CONSUMER, event, async () => undefined);
    this.metrics.recordEventHandled(Topics.InvoiceCreated, outcome.status);
  }
}
