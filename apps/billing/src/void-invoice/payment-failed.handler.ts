import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics, type TypedEvent } from '@order-platform/contracts';
import { ReliableEventHandler } from '@order-platform/messaging';
import { MetricsService } from '@order-platform/service-kit';
import { BILLING_CONSUMER } from '../create-invoice/create-invoice.service';
import { VoidInvoiceService } from './void-invoice.service';

@Controller()
export class PaymentFailedHandler {
  constructor(
    private readonly voidInvoice: VoidInvoiceService,
    private readonly metrics: MetricsService,
  ) {}

  @EventPattern(Topics.PaymentFailed)
  @ReliableEventHandler({ consumerGroup: BILLING_CONSUMER, maxAttempts: 5 })
  async onPaymentFailed(@Payload() event: TypedEvent<'PaymentFailed'>, @Ctx() _context: KafkaContext): Promise<void> {
    const outcome = await this.voidInvoice.onPaymentFailed(event);
    this.metrics.recordEventHandled(Topics.PaymentFailed, outcome);
  }
}
