import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics, type TypedEvent } from '@order-platform/contracts';
import { ReliableEventHandler } from '@order-platform/messaging';
import { MetricsService } from '@order-platform/service-kit';
import { BILLING_CONSUMER, CreateInvoiceService } from './create-invoice.service';

@Controller()
export class CartUpdatedHandler {
  constructor(
    private readonly createInvoice: CreateInvoiceService,
    private readonly metrics: MetricsService,
  ) {}

  /** Retries then dead-letters (never throws), so a poison message cannot block the partition. */
  @EventPattern(Topics.CartUpdated)
  @ReliableEventHandler({ consumerGroup: BILLING_CONSUMER, maxAttempts: 5 })
  async onCartUpdated(@Payload() event: TypedEvent<'CartUpdated'>, @Ctx() _context: KafkaContext): Promise<void> {
    const outcome = await this.createInvoice.handle(event);
    this.metrics.recordEventHandled(Topics.CartUpdated, outcome);
  }
}
