import { Injectable, Logger } from '@nestjs/common';
import type { TypedEvent } from '@order-platform/contracts';
import { InboxHandler } from '@order-platform/messaging';
import type { EntityManager } from 'typeorm';
import { advanceWholesaleState, type WholesaleLifecycleState } from './wholesale-lifecycle-state';
import { WholesaleLifecycleRepository } from './wholesale-lifecycle.repository';

/** Inbox consumer name of the wholesale lifecycle (its own rows in processed_events). */
export const WHOLESALE_LIFECYCLE_CONSUMER = 'cart-wholesale-lifecycle';

export type LifecycleEventType = 'InvoiceCreated' | 'PaymentProcessed' | 'PaymentFailed' | 'OrderShipped' | 'OrderCancelled';

const MAX_REASON_LENGTH = 500;

/**
 * Moves a wholesale order along its lifecycle as the checkout flow reports progress, in the
 * transaction that records the event in the inbox (a redelivery changes nothing). Events for
 * orders that are not wholesale orders are recorded and ignored.
 */
@Injectable()
export class WholesaleLifecycleService {
  private readonly logger = new Logger(WholesaleLifecycleService.name);

  constructor(
    private readonly inbox: InboxHandler,
    private readonly orders: WholesaleLifecycleRepository,
  ) {}

  async handle(event: TypedEvent<LifecycleEventType>): Promise<'processed' | 'duplicate'> {
    const result = await this.inbox.handleOnce(WHOLESALE_LIFECYCLE_CONSUMER, event, (manager) => this.apply(manager, event));
    return result.status;
  }

  private async apply(manager: EntityManager, event: TypedEvent<LifecycleEventType>): Promise<void> {
    const order = await this.orders.lockByPlatformOrderId(manager, event.orderId);
    if (!order) return;
    const { state, reason } = reachedBy(event);
    const next = advanceWholesaleState(order.orderState, state);
    if (!next) return;
    // The first reason given is kept: a PaymentFailed and the OrderCancelled it causes both say why.
    const cancellationReason = next === 'CANCELLED' ? (order.cancellationReason ?? reason?.slice(0, MAX_REASON_LENGTH) ?? null) : order.cancellationReason;
    await this.orders.moveTo(manager, order.orderId, next, cancellationReason);
    this.logger.log({ orderId: order.orderId, from: order.orderState, to: next, eventType: event.type }, 'wholesale order moved');
  }
}

function reachedBy(event: TypedEvent<LifecycleEventType>): { state: WholesaleLifecycleState; reason?: string } {
  switch (event.type) {
    case 'InvoiceCreated':
      return { state: 'INVOICED' };
    case 'PaymentProcessed':
      return { state: 'PAID' };
    case 'OrderShipped':
      return { state: 'SHIPPED' };
    case 'PaymentFailed':
      return { state: 'CANCELLED', reason: `Payment failed: ${event.payload.reason}` };
    case 'OrderCancelled':
      return { state: 'CANCELLED', reason: event.payload.reason };
  }
}
