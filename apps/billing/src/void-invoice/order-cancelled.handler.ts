import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics, type TypedEvent } from '@order-platform/contracts';
import { ReliableEventHandler } from '@order-platform/messaging';
import { MetricsService } from '@order-platform/service-kit';
import { BILLING_CONSUMER } from '../create-invoice/create-invoice.service';
import { VoidInvoiceService } from './void-invoice.service';

/** A cancelled order (restaurant rejection, store cancellation, declined payment) keeps no open invoice. */
@Controller()
export class OrderCancelledHandler {
  constructor(
    private readonly voidInvoice: VoidInvoiceService,
    private readonly metrics: MetricsService,
  ) {}

  @EventPattern(Topics.OrderCancelled)
  @ReliableEventHandler({ consumerGroup: BILLING_CONSUMER, maxAttempts: 5 })
  async onOrderCancelled(@Payload() event: TypedEvent<'OrderCancelled'>, @Ctx() _context: KafkaContext): Promise<void> {
    const outcome = await this.voidInvoice.onOrderCancelled(event);
    this.metrics.recordEventHandled(Topics.OrderCancelled, outcome);
  }
}
