import { Injectable, Logger } from '@nestjs/common';
import type { TypedEvent } from '@order-platform/contracts';
import { InboxHandler, OutboxWriter } from '@order-platform/messaging';
import type { EntityManager } from 'typeorm';
import { lifecycleEvent } from '../lifecycle/lifecycle-event.factory';
import { transition } from '../lifecycle/order-state-machine';
import { StoreOrderRepository } from '../store-orders/store-order.repository';
import { ORDER_STATUS_CONSUMER } from '../track-order/track-order.service';
import { lifecycleStateOf, lockLifecycleOrder } from '../lifecycle/lifecycle-order-row';
import { isAlreadyCancelled } from './group-member-order';

export type MemberOutcome = 'cancelled' | 'already-cancelled' | 'refused';
export type GroupCancellationOutcome = 'processed' | 'duplicate';

/**
 * GroupOrderCancelled -> the lifecycle `cancel` action on each member order (its checkout
 * order id), by the system, with the group's reason. Each cancelled member gets its
 * OrderCancelled (refundRequired when paid) in the outbox, so payment refunds, billing voids
 * and email mails it as for any other cancellation. Everything runs in the inbox transaction:
 * a redelivered event cancels nothing twice, and a member cancelled already is skipped.
 */
@Injectable()
export class CancelGroupMembersService {
  private readonly logger = new Logger(CancelGroupMembersService.name);

  constructor(
    private readonly inbox: InboxHandler,
    private readonly orders: StoreOrderRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async onGroupOrderCancelled(event: TypedEvent<'GroupOrderCancelled'>): Promise<GroupCancellationOutcome> {
    const result = await this.inbox.handleOnce(ORDER_STATUS_CONSUMER, event, async (manager) => {
      const outcomes: Record<string, number> = {};
      // A fixed lock order: two deliveries of one group cannot deadlock on its members.
      const orderIds = [...new Set(event.payload.members.map((member) => member.orderId))].sort();
      for (const orderId of orderIds) {
        const outcome = await this.cancelMember(manager, orderId, event);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
      this.logger.log({ groupOrderId: event.payload.groupOrderId, reasonCode: event.payload.reasonCode, ...outcomes }, 'group order cancelled');
    });
    return result.status;
  }

  private async cancelMember(manager: EntityManager, orderId: string, cause: TypedEvent<'GroupOrderCancelled'>): Promise<MemberOutcome> {
    const row = await lockLifecycleOrder(manager, orderId);
    if (isAlreadyCancelled(row)) return 'already-cancelled';
    const outcome = transition(lifecycleStateOf(row), 'cancel');
    if (!outcome.ok) {
      // A completed member is reversed by a refund, not a cancellation: left for an operator.
      this.logger.warn({ orderId, groupOrderId: cause.payload.groupOrderId, refusal: outcome.refusal.code }, 'group member order not cancelled');
      return 'refused';
    }
    const { reason, groupOrderId, currency } = cause.payload;
    await this.orders.saveLifecycle(manager, orderId, outcome.to);
    const cancelled = lifecycleEvent(
      'OrderCancelled',
      {
        orderId,
        customerId: row.customer_id ?? 'unknown',
        currency,
        amountMinor: row.grand_total_minor === null ? 0 : Number(row.grand_total_minor),
        actor: 'system',
        reason,
        correlationId: cause.correlationId,
      },
      outcome.to,
      new Date(cause.payload.cancelledAt),
    );
    await this.outbox.append(manager, cancelled);
    await this.orders.addTimelineStep(manager, {
      orderId,
      eventId: cancelled.id,
      type: cancelled.type,
      at: cancelled.occurredAt,
      details: { by: 'system', groupOrderId, reasonCode: cause.payload.reasonCode, reason },
    });
    await this.orders.markCheckoutCancelled(manager, orderId, reason);
    return 'cancelled';
  }
}
