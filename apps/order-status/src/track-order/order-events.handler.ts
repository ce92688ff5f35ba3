import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics, type TypedEvent } from '@order-platform/contracts';
import { ReliableEventHandler } from '@order-platform/messaging';
import { MetricsService } from '@order-platform/service-kit';
import { ORDER_STATUS_CONSUMER, TrackOrderService } from './track-order.service';

const reliably = { consumerGroup: ORDER_STATUS_CONSUMER, maxAttempts: 5 };

/** Every event that moves an order goes onto its timeline; retries then dead-letters, never throws. */
@Controller()
export class OrderEventsHandler {
  constructor(
    private readonly tracker: TrackOrderService,
    private readonly metrics: MetricsService,
  ) {}

  @EventPattern(Topics.CartUpdated)
  @ReliableEventHandler(reliably)
  async onCartUpdated(@Payload() event: TypedEvent<'CartUpdated'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.track(event);
  }

  @EventPattern(Topics.InvoiceCreated)
  @ReliableEventHandler(reliably)
  async onInvoiceCreated(@Payload() event: TypedEvent<'InvoiceCreated'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.track(event);
  }

  @EventPattern(Topics.InvoiceVoided)
  @ReliableEventHandler(reliably)
  async onInvoiceVoided(@Payload() event: TypedEvent<'InvoiceVoided'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.track(event);
  }

  @EventPattern(Topics.PaymentProcessed)
  @ReliableEventHandler(reliably)
  async onPaymentProcessed(@Payload() event: TypedEvent<'PaymentProcessed'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.track(event);
  }

  @EventPattern(Topics.PaymentFailed)
  @ReliableEventHandler(reliably)
  async onPaymentFailed(@Payload() event: TypedEvent<'PaymentFailed'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.track(event);
  }

  @EventPattern(Topics.PaymentRefunded)
  @ReliableEventHandler(reliably)
  async onPaymentRefunded(@Payload() event: TypedEvent<'PaymentRefunded'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.track(event);
  }

  @EventPattern(Topics.OrderShipped)
  @ReliableEventHandler(reliably)
  async onOrderShipped(@Payload() event: TypedEvent<'OrderShipped'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.track(event);
  }

  @EventPattern(Topics.OrderDelivered)
  @ReliableEventHandler(reliably)
  async onOrderDelivered(@Payload() event: TypedEvent<'OrderDelivered'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.track(event);
  }

  @EventPattern(Topics.EmailSent)
  @ReliableEventHandler(reliably)
  async onEmailSent(@Payload() event: TypedEvent<'EmailSent'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.track(event);
  }

  private async track(event: TypedEvent): Promise<void> {
    const outcome = await this.tracker.track(event);
    this.metrics.recordEventHandled(event.type, outcome);
  }
}
