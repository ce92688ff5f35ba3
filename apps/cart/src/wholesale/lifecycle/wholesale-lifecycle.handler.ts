import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics, type TypedEvent } from '@order-platform/contracts';
import { ReliableEventHandler } from '@order-platform/messaging';
import { MetricsService } from '@order-platform/service-kit';
import { type LifecycleEventType, WHOLESALE_LIFECYCLE_CONSUMER, WholesaleLifecycleService } from './wholesale-lifecycle.service';

const RELIABLE = { consumerGroup: WHOLESALE_LIFECYCLE_CONSUMER, maxAttempts: 5 };

/** The checkout events that move a wholesale order; each retries then dead-letters. */
@Controller()
export class WholesaleLifecycleHandler {
  constructor(
    private readonly lifecycle: WholesaleLifecycleService,
    private readonly metrics: MetricsService,
  ) {}

  @EventPattern(Topics.InvoiceCreated)
  @ReliableEventHandler(RELIABLE)
  async onInvoiceCreated(@Payload() event: TypedEvent<'InvoiceCreated'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.apply(event);
  }

  @EventPattern(Topics.PaymentProcessed)
  @ReliableEventHandler(RELIABLE)
  async onPaymentProcessed(@Payload() event: TypedEvent<'PaymentProcessed'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.apply(event);
  }

  @EventPattern(Topics.PaymentFailed)
  @ReliableEventHandler(RELIABLE)
  async onPaymentFailed(@Payload() event: TypedEvent<'PaymentFailed'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.apply(event);
  }

  @EventPattern(Topics.OrderShipped)
  @ReliableEventHandler(RELIABLE)
  async onOrderShipped(@Payload() event: TypedEvent<'OrderShipped'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.apply(event);
  }

  @EventPattern(Topics.OrderCancelled)
  @ReliableEventHandler(RELIABLE)
  async onOrderCancelled(@Payload() event: TypedEvent<'OrderCancelled'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.apply(event);
  }

  private async apply(event: TypedEvent<LifecycleEventType>): Promise<void> {
    const outcome = await this.lifecycle.handle(event);
    this.metrics.recordEventHandled(event.type, outcome);
  }
}
