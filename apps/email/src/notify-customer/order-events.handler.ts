import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics, type TypedEvent } from '@order-platform/contracts';
import { ReliableEventHandler } from '@order-platform/messaging';
import { MetricsService } from '@order-platform/service-kit';
import { EMAIL_CONSUMER, NotifyCustomerService } from './notify-customer.service';

// Transient SMTP failures are retried with backoff (the same notification key each time), then dead-lettered.
const RELIABLY = { consumerGroup: EMAIL_CONSUMER, maxAttempts: 5, backoff: { initialDelayMs: 500, maxDelayMs: 5000 } };

/** One entry per event the email service reads; what each one mails is declared in checkout-notifications.ts. */
@Controller()
export class OrderEventsHandler {
  constructor(
    private readonly notify: NotifyCustomerService,
    private readonly metrics: MetricsService,
  ) {}

  /** Only feeds the contact projection (later events carry no address). */
  @EventPattern(Topics.CartUpdated)
  @ReliableEventHandler(RELIABLY)
  async onCartUpdated(@Payload() event: TypedEvent<'CartUpdated'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.handle(event);
  }

  @EventPattern(Topics.InvoiceCreated)
  @ReliableEventHandler(RELIABLY)
  async onInvoiceCreated(@Payload() event: TypedEvent<'InvoiceCreated'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.handle(event);
  }

  @EventPattern(Topics.PaymentProcessed)
  @ReliableEventHandler(RELIABLY)
  async onPaymentProcessed(@Payload() event: TypedEvent<'PaymentProcessed'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.handle(event);
  }

  @EventPattern(Topics.PaymentFailed)
  @ReliableEventHandler(RELIABLY)
  async onPaymentFailed(@Payload() event: TypedEvent<'PaymentFailed'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.handle(event);
  }

  @EventPattern(Topics.OrderShipped)
  @ReliableEventHandler(RELIABLY)
  async onOrderShipped(@Payload() event: TypedEvent<'OrderShipped'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.handle(event);
  }

  @EventPattern(Topics.OrderCancelled)
  @ReliableEventHandler(RELIABLY)
  async onOrderCancelled(@Payload() event: TypedEvent<'OrderCancelled'>, @Ctx() _context: KafkaContext): Promise<void> {
    await this.handle(event);
  }

  private async handle(event: TypedEvent): Promise<void> {
    const outcome = await this.notify.handle(event);
    this.metrics.recordEventHandled(event.type, outcome.inbox);
    if (outcome.sent > 0) this.metrics.counter('notifications_sent_total', 'Notification mails accepted by the SMTP relay', ['source']).inc({ source: 'event' }, outcome.sent);
    if (outcome.failed > 0) this.metrics.counter('notifications_failed_total', 'Notification mails refused permanently', ['source']).inc({ source: 'event' }, outcome.failed);
  }
}
