import type { EntityManager } from 'typeorm';
import { isDeliveryStatusCode, isOrderStatusCode, isPaymentStatusCode, type LifecycleState } from './order-lifecycle-state';

/** An order row as a lifecycle action reads it, under the row lock. */
export interface LifecycleOrderRow {
  order_id: string;
  customer_id: string | null;
  /** The checkout status ('cancelled' also when the checkout flow cancelled it). */
  status: string;
  lifecycle_status: number;
  payment_status: number;
  delivery_status: number;
  grand_total_minor: string | null;
}

/**
 * Creates the row if no event has reached order-status yet (as the event tracker does), then
 * locks it until the transaction ends: the tracker, the store actions, the restaurant's
 * decisions and group cancellations take the same lock, so they apply one after another.
 */
export async function lockLifecycleOrder(manager: EntityManager, orderId: string): Promise<LifecycleOrderRow> {
  await manager.query(`INSERT INTO orders (order_id, status) VALUES ($1, 'pending') ON CONFLICT (order_id) DO NOTHING`, [orderId]);
  const rows: LifecycleOrderRow[] = await manager.query(
    `SELECT order_id, customer_id, status, lifecycle_status, payment_status, delivery_status, grand_total_minor
       FROM orders WHERE order_id = $1 FOR UPDATE`,
    [orderId],
  );
  const [row] = rows;
  if (!row) throw new Error(`order ${orderId} vanished while being locked`);
  return row;
}

/** The row's three axes; the tracker keeps payment and delivery current from the checkout events. */
export function lifecycleStateOf(row: LifecycleOrderRow): LifecycleState {
  if (!isOrderStatusCode(row.lifecycle_status) || !isPaymentStatusCode(row.payment_status) || !isDeliveryStatusCode(row.delivery_status)) {
    throw new Error(`order ${row.order_id} has unknown lifecycle codes`);
  }
  return { status: row.lifecycle_status, paymentStatus: row.payment_status, deliveryStatus: row.delivery_status };
}
