import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics, type TypedEvent } from '@order-platform/contracts';
import { ReliableEventHandler } from '@order-platform/messaging';
import { EventReceiptRecorder } from '@order-platform/service-kit';

const CONSUMER = 'shipment';

/** Events shipment subscribes to now and acts on in the next step. */
@Controller()
export class PaymentEventsHandler {
  constructor(private readonly receipts: EventReceiptRecorder) {}

  @EventPattern(Topics.PaymentProcessed)
  @ReliableEventHandler({ consumerGroup: CONSUMER })
  async onPaymentProcessed(@Payload() event: TypedEvent<'PaymentProcessed'>, @Ctx() _context: KafkaContext): Promise<void> {
    // Next step: create the shipment with a tracking number and publish OrderShipped. Until then the event is only recorded.
    await this.receipts.record(CONSUMER, event, 'create the shipment with a tracking number and publish OrderShipped');
  }
}
