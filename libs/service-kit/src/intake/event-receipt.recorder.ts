import { Injectable, Logger } from '@nestjs/common';
import type { TypedEvent } from '@order-platform/contracts';
import { InboxHandler } from '@order-platform/messaging';
import { MetricsService } from '../metrics/metrics.service';

/**
 * For events a service subscribes to before it acts on them: records the event in the inbox
 * (so the later handler starts from a deduplicated history), logs what comes next and counts
 * it. Provide it in a module that also provides InboxHandler (MessagingModule).
 */
@Injectable()
export class EventReceiptRecorder {
  private readonly logger = new Logger('EventIntake');

  constructor(
    private readonly inbox: InboxHandler,
    private readonly metrics: MetricsService,
  ) {}

  async record(consumer: string, event: TypedEvent, nextStep: string): Promise<'processed' | 'duplicate'> {
    const { status } = await this.inbox.handleOnce(consumer, event, async () => undefined);
    this.metrics.recordEventHandled(event.type, status === 'processed' ? 'recorded' : 'duplicate');
    this.logger.log({ eventId: event.id, eventType: event.type, orderId: event.orderId, status, nextStep }, `${event.type} recorded; next step: ${nextStep}`);
    return status;
  }
}
