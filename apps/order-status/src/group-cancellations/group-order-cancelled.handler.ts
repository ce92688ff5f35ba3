import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext, Payload } from '@nestjs/microservices';
import { Topics, type TypedEvent } from '@order-platform/contracts';
import { ReliableEventHandler } from '@order-platform/messaging';
import { MetricsService } from '@order-platform/service-kit';
import { ORDER_STATUS_CONSUMER } from '../track-order/track-order.service';
import { CancelGroupMembersService } from './cancel-group-members.service';

@Controller()
export class GroupOrderCancelledHandler {
  constructor(
    private readonly cancellations: CancelGroupMembersService,
    private readonly metrics: MetricsService,
  ) {}

  /** Retries then dead-letters (never throws), so a poison message cannot block the partition. */
  @EventPattern(Topics.GroupOrderCancelled)
  @ReliableEventHandler({ consumerGroup: ORDER_STATUS_CONSUMER, maxAttempts: 5 })
  async onGroupOrderCancelled(@Payload() event: TypedEvent<'GroupOrderCancelled'>, @Ctx() _context: KafkaContext): Promise<void> {
    this.metrics.recordEventHandled(Topics.GroupOrderCancelled, await this.cancellations.onGroupOrderCancelled(event));
  }
}
