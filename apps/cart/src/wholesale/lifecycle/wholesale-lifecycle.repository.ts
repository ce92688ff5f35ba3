import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { schemaOf, toNumber } from '../orders/wholesale-order.repository';
import type { WholesaleLifecycleState } from './wholesale-lifecycle-state';

export interface WholesaleLifecycleRow {
  orderId: number;
  orderState: WholesaleLifecycleState;
  cancellationReason: string | null;
}

/** The lifecycle columns of wholesale orders, addressed by the platform order id. */
@Injectable()
export class WholesaleLifecycleRepository {
  /** Locks the order (FOR UPDATE) so concurrent events for it apply one after the other. */
  async lockByPlatformOrderId(manager: EntityManager, platformOrderId: string): Promise<WholesaleLifecycleRow | null> {
    const rows = (await manager.query(
      `SELECT order_id, order_state, cancellation_reason FROM ${schemaOf(manager)}.wholesale_orders
        WHERE platform_order_id::text = $1 FOR UPDATE`,
      [platformOrderId],
    )) as Array<Record<string, unknown>>;
    const row = rows[0];
    if (!row) return null;
    return {
      orderId: toNumber(row['order_id']),
      orderState: row['order_state'] as WholesaleLifecycleState,
      cancellationReason: (row['cancellation_reason'] as string | null) ?? null,
    };
  }

  async moveTo(manager: EntityManager, orderId: number, state: WholesaleLifecycleState, cancellationReason: string | null): Promise<void> {
    await manager.query(
      `UPDATE ${schemaOf(manager)}.wholesale_orders
          SET order_state = $1, cancellation_reason = $2, state_changed_at = now(), updated_at = now()
        WHERE order_id = $3`,
      [state, cancellationReason, orderId],
    );
  }
}
