import type { TypedEvent } from '@order-platform/contracts';
import type { EntityManager } from 'typeorm';
import { CancelledOrderRecord } from './cancelled-order.entity';

/**
 * Remembers the cancellation; a second OrderCancelled for the order keeps the first. Call it
 * under the order's lock (invoices/invoice-issuer.service.ts lockOrder), which issuing takes too.
 */
export async function recordCancellation(manager: EntityManager, event: TypedEvent<'OrderCancelled'>): Promise<void> {
  const { orderId, reason, cancelledBy, cancelledAt } = event.payload;
  await manager
    .createQueryBuilder()
    .insert()
    .into(CancelledOrderRecord)
    .values({ orderId, reason, cancelledBy, cancellationEventId: event.id, cancelledAt: new Date(cancelledAt) })
    .orIgnore()
    .execute();
}

export function findCancellation(manager: EntityManager, orderId: string): Promise<CancelledOrderRecord | null> {
  return manager.findOneBy(CancelledOrderRecord, { orderId });
}
