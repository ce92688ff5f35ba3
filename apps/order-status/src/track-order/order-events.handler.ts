import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics, type TypedEvent } from '@order-platform/contracts';
import { ReliableEventHandler } from '@order-platform/messaging';
import { EventReceiptRecorder } from '@order-platform/service-kit';

const CONSUMER = 'order-status';

/** Events order-status subscribes to now and acts on in the next step. */
@Controller()
export class OrderEventsHandler {
  constructor(private readonly receipts: EventReceiptRecorder) {}

  @EventPattern(Topics.CartUpdated)
  @ReliableEventHandler({ consumerGroup: CONSUMER })
  async onCartUpdated(@Payload() event: TypedEvent<'CartUpdated'>, @Ctx() _context: KafkaContext): Promise<void> {
    // Next step: open the order in the lifecycle read model. Until then the event is only recorded.
    await this.receipts.record(CONSUMER, event, 'open the order in the lifecycle read model');
  }

  @EventPattern(Topics.InvoiceCreated)
  @ReliableEventHandler({ consumerGroup: CONSUMER })
  async onInvoiceCreated(@Payload() event: TypedEvent<'InvoiceCreated'>, @Ctx() _context: KafkaContext): Promise<void> {
    // Next step: mark the order invoiced. Until then the event is only recorded.
    await this.receipts.record(CONSUMER, event, 'mark the order invoiced');
  }

  @EventPattern(Topics.PaymentProcessed)
  @ReliableEventHandler({ consumerGroup: CONSUMER })
  async onPaymentProcessed(@Payload() event: TypedEvent<'PaymentProcessed'>, @Ctx() _context: KafkaContext): Promise<void> {
    // Next step: mark the order paid and publish OrderConfirmed. Until then the event is only recorded.
    await this.receipts.record(CONSUMER, event, 'mark the order paid and publish OrderConfirmed');
  }

  @EventPattern(Topics.PaymentFailed)
  @ReliableEventHandler({ consumerGroup: CONSUMER })
  async onPaymentFailed(@Payload() event: TypedEvent<'PaymentFailed'>, @Ctx() _context: KafkaContext): Promise<void> {
    // Next step: cancel the order and publish OrderCancelled. Until then the event is only recorded.
    await this.receipts.record(CONSUMER, event, 'cancel the order and publish OrderCancelled');
  }

  @EventPattern(Topics.OrderShipped)
  @ReliableEventHandler({ consumerGroup: CONSUMER })
  async onOrderShipped(@Payload() event: TypedEvent<'OrderShipped'>, @Ctx() _context: KafkaContext): Promise<void> {
    // Next step: mark the order shipped. Until then the event is only recorded.
    await this.receipts.record(CONSUMER, event, 'mark the order shipped');
  }

  @EventPattern(Topics.OrderDelivered)
  @ReliableEventHandler({ consumerGroup: CONSUMER })
  async onOrderDelivered(@Payload() event: TypedEvent<'OrderDelivered'>, @Ctx() _context: KafkaContext): Promise<void> {
    // Next step: mark the order delivered and publish OrderCompleted. Until then the event is only recorded.
    await this.receipts.record(CONSUMER, event, 'mark the order delivered and publish OrderCompleted');
  }
}
