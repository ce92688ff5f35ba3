import type { GroupOrderRestaurantView, GroupOrderView } from '@order-platform/contracts';
import type { EntityManager } from 'typeorm';
import { isJoinable } from '../domain/placement-rules';
import { formatViewTime } from '../domain/view-time';

/** The group_orders columns a view needs, as pg returns them. */
export interface GroupOrderViewRow {
  id: string;
  restaurant_id: string;
  status: string;
  total_raw_price_minor: string;
  discount_rate: number;
  items_ordered: number;
  capacity: number;
  created_at: Date;
  closed_at: Date;
  ending_at: Date;
  prepared_at: Date;
  confirmed_at: Date | null;
}

export const GROUP_ORDER_VIEW_COLUMNS =
  'g.id, g.restaurant_id, g.status, g.total_raw_price_minor, g.discount_rate, g.items_ordered, g.capacity, g.created_at, g.closed_at, g.ending_at, g.prepared_at, g.confirmed_at';

/** GET /groupOrders/{id}; `now` from the Clock decides `joinable`. */
export function toGroupOrderView(row: GroupOrderViewRow, now: Date, restaurant?: GroupOrderRestaurantView): GroupOrderView {
  const view: GroupOrderView = {
    id: String(row.id),
    joinable: isJoinable({ status: row.status, closedAt: new Date(row.closed_at) }, now),
    totalRawPrice: Number(row.total_raw_price_minor),
    discountRate: Number(row.discount_rate),
    createdAt: formatViewTime(new Date(row.created_at)),
    remainingCapacity: Number(row.capacity) - Number(row.items_ordered),
    closedAt: formatViewTime(new Date(row.closed_at)),
    endingAt: formatViewTime(new Date(row.ending_at)),
    confirmed: row.confirmed_at !== null,
    preparedAt: formatViewTime(new Date(row.prepared_at)),
  };
  if (restaurant) view.restaurant = restaurant;
  return view;
}

export interface RestaurantViewRow {
  id: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

export function toRestaurantView(row: RestaurantViewRow): GroupOrderRestaurantView {
  return { id: row.id, name: row.name, latitude: row.latitude === null ? null : Number(row.latitude), longitude: row.longitude === null ? null : Number(row.longitude) };
}

/** Restaurants by id, for `include=restaurant`. */
export async function loadRestaurantViews(manager: EntityManager, ids: string[]): Promise<Map<string, GroupOrderRestaurantView>> {
  if (ids.length === 0) return new Map();
  const rows: RestaurantViewRow[] = await manager.query(`SELECT id, name, latitude, longitude FROM restaurants WHERE id = ANY($1)`, [[...new Set(ids)]]);
  return new Map(rows.map((row) => [row.id, toRestaurantView(row)]));
}

/** One group's view (undefined when the id is unknown); `include` may ask for its restaurant. */
export async function loadGroupOrderView(manager: EntityManager, groupOrderId: string, now: Date, include: readonly string[] = []): Promise<GroupOrderView | undefined> {
  if (!/^\d{1,18}$/.test(groupOrderId)) return undefined;
  const rows: GroupOrderViewRow[] = await manager.query(`SELECT ${GROUP_ORDER_VIEW_COLUMNS} FROM group_orders g WHERE g.id = $1`, [groupOrderId]);
  if (!rows[0]) return undefined;
  const restaurants = include.includes('restaurant') ? await loadRestaurantViews(manager, [rows[0].restaurant_id]) : new Map();
  return toGroupOrderView(rows[0], now, restaurants.get(rows[0].restaurant_id));
}
