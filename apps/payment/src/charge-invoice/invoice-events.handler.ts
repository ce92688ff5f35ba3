import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics, type TypedEvent } from '@order-platform/contracts';
import { ReliableEventHandler } from '@order-platform/messaging';
import { EventReceiptRecorder } from '@order-platform/service-kit';

const CONSUMER = 'payment';

/** Events payment subscribes to now and acts on in the next step. */
@Controller()
export class InvoiceEventsHandler {
  constructor(private readonly receipts: EventReceiptRecorder) {}

  @EventPattern(Topics.InvoiceCreated)
  @ReliableEventHandler({ consumerGroup: CONSUMER })
  async onInvoiceCreated(@Payload() event: TypedEvent<'InvoiceCreated'>, @Ctx() _context: KafkaContext): Promise<void> {
    // Next step: charge the invoice through the payment provider and publish PaymentProcessed or PaymentFailed. Until then the event is only recorded.
    await this.receipts.record(CONSUMER, event, 'charge the invoice through the payment provider and publish PaymentProcessed or PaymentFailed');
  }
}
