import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics, type TypedEvent } from '@order-platform/contracts';
import { ReliableEventHandler } from '@order-platform/messaging';
import { EventReceiptRecorder } from '@order-platform/service-kit';

const CONSUMER = 'email';

/** Events email subscribes to now and acts on in the next step. */
@Controller()
export class OrderEventsHandler {
  constructor(private readonly receipts: EventReceiptRecorder) {}

  @EventPattern(Topics.InvoiceCreated)
  @ReliableEventHandler({ consumerGroup: CONSUMER })
  async onInvoiceCreated(@Payload() event: TypedEvent<'InvoiceCreated'>, @Ctx() _context: KafkaContext): Promise<void> {
    // Next step: send the invoice notification. Until then the event is only recorded.
    await this.receipts.record(CONSUMER, event, 'send the invoice notification');
  }

  @EventPattern(Topics.PaymentProcessed)
  @ReliableEventHandler({ consumerGroup: CONSUMER })
  async onPaymentProcessed(@Payload() event: TypedEvent<'PaymentProcessed'>, @Ctx() _context: KafkaContext): Promise<void> {
    // Next step: send the payment receipt. Until then the event is only recorded.
    await this.receipts.record(CONSUMER, event, 'send the payment receipt');
  }

  @EventPattern(Topics.PaymentFailed)
  @ReliableEventHandler({ consumerGroup: CONSUMER })
  async onPaymentFailed(@Payload() event: TypedEvent<'PaymentFailed'>, @Ctx() _context: KafkaContext): Promise<void> {
    // Next step: tell the customer the payment failed. Until then the event is only recorded.
    await this.receipts.record(CONSUMER, event, 'tell the customer the payment failed');
  }

  @EventPattern(Topics.OrderShipped)
  @ReliableEventHandler({ consumerGroup: CONSUMER })
  async onOrderShipped(@Payload() event: TypedEvent<'OrderShipped'>, @Ctx() _context: KafkaContext): Promise<void> {
    // Next step: send the tracking number. Until then the event is only recorded.
    await this.receipts.record(CONSUMER, event, 'send the tracking number');
  }

  @EventPattern(Topics.OrderCancelled)
  @ReliableEventHandler({ consumerGroup: CONSUMER })
  async onOrderCancelled(@Payload() event: TypedEvent<'OrderCancelled'>, @Ctx() _context: KafkaContext): Promise<void> {
    // Next step: tell the customer why the order was cancelled. Until then the event is only recorded.
    await this.receipts.record(CONSUMER, event, 'tell the customer why the order was cancelled');
  }
}
