import type { TypedEvent } from '@order-platform/contracts';
import type { EntityManager } from 'typeorm';
import { CancelledOrderRecord } from './cancelled-order.entity';

/** The decline code of an invoice payment refused to charge because its order was cancelled. */
export const ORDER_CANCELLED = 'order_cancelled';

/** Remembers the cancellation; a second OrderCancelled for the order keeps the first. */
export async function recordCancellation(manager: EntityManager, event: TypedEvent<'OrderCancelled'>): Promise<void> {
  const { orderId, reason, cancelledBy, cancelledAt } = event.payload;
  await manager
    .createQueryBuilder()
    .insert()
    .into(CancelledOrderRecord)
    .values({ orderId, reason, cancelledBy, cancellationEventId: event.id, correlationId: event.correlationId, cancelledAt: new Date(cancelledAt) })
    .orIgnore()
    .execute();
}

export function findCancellation(manager: EntityManager, orderId: string): Promise<CancelledOrderRecord | null> {
  return manager.findOneBy(CancelledOrderRecord, { orderId });
}
