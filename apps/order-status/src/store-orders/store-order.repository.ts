import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LifecycleState } from '../lifecycle/order-lifecycle-state';
import type { StoreOrderRow } from './store-order.record';
import { hashStoreToken } from './store-token';

export interface StoreIdentity {
  storeId: string;
  storeName: string;
}

/**
 * SQL for store orders. The tables live in the service's schema, which is first on the
 * connection's search_path, so statements name tables unqualified.
 */
@Injectable()
export class StoreOrderRepository {
  async storeOfToken(manager: EntityManager, token: string | undefined): Promise<StoreIdentity | undefined> {
    if (!token) return undefined;
    const rows: Array<{ store_id: string; name: string }> = await manager.query(
      `SELECT t.store_id, s.name FROM store_api_tokens t JOIN stores s ON s.id = t.store_id
        WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL`,
      [hashStoreToken(token)],
    );
    return rows[0] ? { storeId: rows[0].store_id, storeName: rows[0].name } : undefined;
  }

  /** Locks the store's order until the transaction ends: concurrent moves on it run one after another. */
  async lockOrder(manager: EntityManager, storeId: string, orderNumber: string): Promise<StoreOrderRow | undefined> {
    const rows: StoreOrderRow[] = await manager.query(
      `SELECT o.order_id, o.customer_id, o.store_order_id, o.order_number, o.store_id, s.name AS store_name,
              o.lifecycle_status, o.payment_status, o.delivery_status, o.channel, o.table_number, o.notes,
              o.currency, o.total_minor, o.tax_minor, o.service_charge_minor, o.grand_total_minor,
              o.payment_method, o.user_id, o.user_name, o.user_phone, o.delivery_info, o.created_at
         FROM orders o JOIN stores s ON s.id = o.store_id
        WHERE o.store_id = $1 AND o.order_number = $2
        FOR UPDATE OF o`,
      [storeId, orderNumber],
    );
    return rows[0];
  }

  async saveLifecycle(manager: EntityManager, orderId: string, state: LifecycleState): Promise<void> {
    await manager.query(
      `UPDATE orders SET lifecycle_status = $2, payment_status = $3, delivery_status = $4, updated_at = now() WHERE order_id = $1`,
      [orderId, state.status, state.paymentStatus, state.deliveryStatus],
    );
  }

  /** The checkout read model shows a cancellation too, whoever made it. */
  async markCheckoutCancelled(manager: EntityManager, orderId: string, reason: string): Promise<void> {
    await manager.query(`UPDATE orders SET status = 'cancelled', cancellation_reason = COALESCE(cancellation_reason, $2) WHERE order_id = $1`, [
      orderId,
      reason,
    ]);
  }

  /** The lifecycle event on the order's timeline, next to the checkout events. */
  async addTimelineStep(manager: EntityManager, step: { orderId: string; eventId: string; type: string; at: string; details: object }): Promise<void> {
    await manager.query(
      `INSERT INTO order_timeline (order_id, event_id, step, at, details) VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (event_id) DO NOTHING`,
      [step.orderId, step.eventId, step.type, step.at, JSON.stringify(step.details)],
    );
  }
}
