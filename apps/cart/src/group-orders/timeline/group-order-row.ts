import type { EntityManager } from 'typeorm';
import type { GroupOrderStatus } from './group-order-transitions';

/** The group_orders columns the timeline reads, under the row lock. */
export interface LockedGroupOrder {
  id: string;
  restaurantId: string;
  status: GroupOrderStatus;
  external: boolean;
  currency: string;
  closedAt: Date;
  endingAt: Date;
  preparedAt: Date;
}

/**
 * Locks the group row (FOR UPDATE) for the rest of the transaction: timers, joins and the
 * restaurant's confirmation all take this lock, so they see each other's outcome in turn.
 */
export async function lockGroupOrder(manager: EntityManager, groupOrderId: string): Promise<LockedGroupOrder | undefined> {
  const rows: Array<{ id: string; restaurant_id: string; status: GroupOrderStatus; external: boolean; currency: string; closed_at: Date; ending_at: Date; prepared_at: Date }> =
    await manager.query(
      `SELECT id, restaurant_id, status, external, currency, closed_at, ending_at, prepared_at FROM group_orders WHERE id = $1 FOR UPDATE`,
      [groupOrderId],
    );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: String(row.id),
    restaurantId: row.restaurant_id,
    status: row.status,
    external: row.external,
    currency: row.currency.trim(),
    closedAt: new Date(row.closed_at),
    endingAt: new Date(row.ending_at),
    preparedAt: new Date(row.prepared_at),
  };
}

/** Both ids of every member order, oldest first. */
export async function groupMembers(manager: EntityManager, groupOrderId: string): Promise<Array<{ memberOrderId: string; orderId: string }>> {
  const rows: Array<{ id: string; checkout_order_id: string }> = await manager.query(
    `SELECT id, checkout_order_id FROM group_member_orders WHERE group_order_id = $1 ORDER BY id`,
    [groupOrderId],
  );
  return rows.map((row) => ({ memberOrderId: String(row.id), orderId: row.checkout_order_id }));
}

/** Schedules a timer once: a timer already scheduled for that kind keeps its time. */
export async function scheduleTimer(manager: EntityManager, groupOrderId: string, kind: 'END' | 'DELIVERY_ROUND', dueAt: Date): Promise<void> {
  await manager.query(
    `INSERT INTO group_order_timers (group_order_id, kind, due_at) VALUES ($1, $2, $3) ON CONFLICT (group_order_id, kind) DO NOTHING`,
    [groupOrderId, kind, dueAt],
  );
}
