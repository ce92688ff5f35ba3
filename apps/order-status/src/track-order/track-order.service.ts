import { Injectable } from '@nestjs/common';
import { createEvent, Topics, type TypedEvent } from '@order-platform/contracts';
import { InboxHandler, OutboxWriter } from '@order-platform/messaging';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OrderView } from '../read-model/order-view.entity';
import { TimelineStepRecord } from '../read-model/timeline-step.entity';
import { lifecycleEvent } from '../lifecycle/lifecycle-event.factory';
import { isDeliveryStatusCode, isOrderStatusCode, isPaymentStatusCode, type LifecycleState } from '../lifecycle/order-lifecycle-state';
import { applyCheckoutEvent } from './checkout-lifecycle';
import { deriveCheckoutStatus, type DerivedStatus } from './checkout-status.rules';
import { timelineDetails } from './timeline-details';

export const ORDER_STATUS_CONSUMER = 'order-status';

/**
 * Records an event on its order's timeline and re-derives the order's status, in the
 * transaction that also records the event in the inbox. When the order becomes cancelled,
 * OrderCancelled goes into the outbox in that same transaction, exactly once per order.
 */
@Injectable()
export class TrackOrderService {
  constructor(
    private readonly inbox: InboxHandler,
    private readonly outbox: OutboxWriter,
  ) {}

  async track(event: TypedEvent): Promise<'processed' | 'duplicate'> {
    const result = await this.inbox.handleOnce(ORDER_STATUS_CONSUMER, event, (manager) => this.apply(manager, event));
    return result.status;
  }

  private async apply(manager: EntityManager, event: TypedEvent): Promise<void> {
    const order = await this.lockOrder(manager, event.orderId);
    await this.addStep(manager, event);

    const before = order.status;
    let derived = await this.derive(manager, order.orderId);
    if (derived.status === 'cancelled' && before !== 'cancelled' && !(await this.hasStep(manager, order.orderId, Topics.OrderCancelled))) {
      await this.cancel(manager, event, derived.cancellationReason ?? 'cancelled');
      derived = await this.derive(manager, order.orderId);
    }

    order.status = derived.status;
    order.cancellationReason = derived.cancellationReason ?? null;
    order.customerId = order.customerId ?? customerIdOf(event);
    order.updatedAt = new Date();
    await manager.save(OrderView, order);
    await this.moveLifecycle(manager, event, before !== 'cancelled' && derived.status === 'cancelled');
  }

  /**
   * The same transition table the store and restaurant actions use moves the payment and
   * delivery axes (and cancels) for checkout events, so every API family reads one state.
   */
  private async moveLifecycle(manager: EntityManager, event: TypedEvent, cancelledNow: boolean): Promise<void> {
    const state = await lifecycleOf(manager, event.orderId);
    const move = applyCheckoutEvent(state, event, cancelledNow);
    if (move.to.status === state.status && move.to.paymentStatus === state.paymentStatus && move.to.deliveryStatus === state.deliveryStatus) return;
    await manager.query(`UPDATE orders SET lifecycle_status = $2, payment_status = $3, delivery_status = $4 WHERE order_id = $1`, [
      event.orderId,
      move.to.status,
      move.to.paymentStatus,
      move.to.deliveryStatus,
    ]);
    for (const type of move.events) {
      const payment = event.type === 'PaymentProcessed' ? event.payload : undefined;
      const published = lifecycleEvent(
        type,
        {
          orderId: event.orderId,
          customerId: customerIdOf(event) ?? '',
          currency: payment?.currency ?? 'USD',
          amountMinor: payment?.amountMinor ?? 0,
          actor: 'system',
          correlationId: event.correlationId,
          paymentSource: 'checkout',
        },
        move.to,
        new Date(event.occurredAt),
      );
      // Published for downstream teams; the timeline already shows the PaymentProcessed it mirrors.
      await this.outbox.append(manager, published);
    }
  }

  /** Creates the order on its first event (whichever that is) and locks it: one order's events apply one at a time. */
  private async lockOrder(manager: EntityManager, orderId: string): Promise<OrderView> {
    await manager.createQueryBuilder().insert().into(OrderView).values({ orderId, status: 'pending' }).orIgnore().execute();
    return manager
      .getRepository(OrderView)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.order_id = :orderId', { orderId })
      .getOneOrFail();
  }

  private async addStep(manager: EntityManager, event: TypedEvent): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(TimelineStepRecord)
      // TypeORM's deep-partial type cannot express a free-form jsonb record.
      .values({ orderId: event.orderId, eventId: event.id, step: event.type, at: new Date(event.occurredAt), details: timelineDetails(event) } as QueryDeepPartialEntity<TimelineStepRecord>)
      .orIgnore()
      .execute();
  }

  private async derive(manager: EntityManager, orderId: string): Promise<DerivedStatus> {
    const steps = await manager.find(TimelineStepRecord, { where: { orderId }, order: { at: 'ASC', seq: 'ASC' } });
    return deriveCheckoutStatus(steps);
  }

  private hasStep(manager: EntityManager, orderId: string, step: string): Promise<boolean> {
    return manager.existsBy(TimelineStepRecord, { orderId, step });
  }

  private async cancel(manager: EntityManager, cause: TypedEvent, reason: string): Promise<void> {
    const cancelled = createEvent(
      Topics.OrderCancelled,
      { orderId: cause.orderId, reason, cancelledBy: 'system', refundRequired: false, cancelledAt: new Date().toISOString() },
      { correlationId: cause.correlationId },
    );
    await this.outbox.append(manager, cancelled);
    await this.addStep(manager, cancelled);
  }
}

async function lifecycleOf(manager: EntityManager, orderId: string): Promise<LifecycleState> {
  const rows: Array<{ lifecycle_status: number; payment_status: number; delivery_status: number }> = await manager.query(
    `SELECT lifecycle_status, payment_status, delivery_status FROM orders WHERE order_id = $1`,
    [orderId],
  );
  const row = rows[0]!;
  if (!isOrderStatusCode(row.lifecycle_status) || !isPaymentStatusCode(row.payment_status) || !isDeliveryStatusCode(row.delivery_status)) {
    throw new Error(`order ${orderId} has unknown lifecycle codes`);
  }
  return { status: row.lifecycle_status, paymentStatus: row.payment_status, deliveryStatus: row.delivery_status };
}

function customerIdOf(event: TypedEvent): string | null {
  const payload = event.payload as { customerId?: unknown };
  return typeof payload.customerId === 'string' ? payload.customerId : null;
}
