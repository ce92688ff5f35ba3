import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics, type TypedEvent } from '@order-platform/contracts';
import { NonRetryableError, ReliableEventHandler } from '@order-platform/messaging';
import { MetricsService } from '@order-platform/service-kit';
import { PAYMENT_CONSUMER } from '../charge-invoice/invoice-created.handler';
import { PaymentRequestError } from '../providers';
import { RefundChargeService } from './refund-charge.service';

/**
 * OrderCancelled -> refund the order's card charge. A TransientPaymentError from the refund is
 * retried with the same idempotency key, then dead-lettered. A charge still settling is not a
 * reason to retry: the cancellation is recorded and the settle step refunds it.
 */
@Controller()
export class OrderCancelledHandler {
  constructor(
    private readonly refunds: RefundChargeService,
    private readonly metrics: MetricsService,
  ) {}

  @EventPattern(Topics.OrderCancelled)
  @ReliableEventHandler({
    consumerGroup: PAYMENT_CONSUMER,
    maxAttempts: 6,
    isRetryable: (error) => !(error instanceof NonRetryableError || error instanceof PaymentRequestError),
  })
  async onOrderCancelled(@Payload() event: TypedEvent<'OrderCancelled'>, @Ctx() _context: KafkaContext): Promise<void> {
    const outcome = await this.refunds.onOrderCancelled(event);
    this.metrics.recordEventHandled(Topics.OrderCancelled, outcome);
  }
}
