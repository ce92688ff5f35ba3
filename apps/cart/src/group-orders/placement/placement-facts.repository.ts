import type { EntityManager } from 'typeorm';
import type { AccountCustomer, JoinedGroupFacts, ProductFormatFacts, RestaurantFacts } from '../domain/placement-rules';

/** The reads placement rules need; each runs inside the placement's transaction. */
export async function findAccountCustomer(manager: EntityManager, customerId: string): Promise<AccountCustomer | undefined> {
  const rows: Array<{ id: string; activated: boolean; first_name: string | null; last_name: string | null; phone: string | null }> = await manager.query(
    `SELECT id, activated, first_name, last_name, phone FROM customers WHERE id = $1`,
    [customerId],
  );
  const row = rows[0];
  return row && { id: row.id, activated: row.activated, firstName: row.first_name, lastName: row.last_name, phoneNumber: row.phone };
}

/** Active formats among `ids`; inactive ones count as unknown. */
export async function findProductFormats(manager: EntityManager, ids: string[]): Promise<Map<string, ProductFormatFacts>> {
  if (ids.length === 0) return new Map();
  const rows: Array<{ id: string; restaurant_id: string; name: string; price_minor: string }> = await manager.query(
    `SELECT id::text AS id, restaurant_id, name, price_minor FROM product_formats WHERE active AND id = ANY($1::bigint[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, { id: row.id, restaurantId: row.restaurant_id, name: row.name, priceMinor: Number(row.price_minor) }]));
}

export async function findRestaurant(manager: EntityManager, restaurantId: string): Promise<RestaurantFacts | undefined> {
  const rows: Array<{
    id: string;
    name: string;
    currency: string;
    latitude: number | null;
    longitude: number | null;
    group_capacity: number;
    max_preparation_minutes: number;
    opens_at: string | null;
    closes_at: string | null;
    time_zone: string;
  }> = await manager.query(
    `SELECT id, name, currency, latitude, longitude, group_capacity, max_preparation_minutes, opens_at::text AS opens_at, closes_at::text AS closes_at, time_zone
     FROM restaurants WHERE id = $1`,
    [restaurantId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    currency: row.currency.trim(),
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    groupCapacity: Number(row.group_capacity),
    maxPreparationMinutes: Number(row.max_preparation_minutes),
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    timeZone: row.time_zone,
  };
}

export async function hasOpenGroup(manager: EntityManager, restaurantId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM group_orders WHERE restaurant_id = $1 AND status = 'OPEN'`, [restaurantId]);
  return rows.length > 0;
}

/**
 * The joined group under FOR UPDATE: concurrent joins of one group queue here, so each sees the
 * items the previous ones ordered and capacity is never exceeded.
 */
export async function lockGroupForJoin(manager: EntityManager, groupOrderId: string): Promise<(JoinedGroupFacts & { totalRawPriceMinor: number }) | undefined> {
  if (!/^\d{1,18}$/.test(groupOrderId)) return undefined;
  const rows: Array<{
    id: string;
    restaurant_id: string;
    status: string;
    closed_at: Date;
    items_ordered: number;
    capacity: number;
    first_latitude: number;
    first_longitude: number;
    total_raw_price_minor: string;
  }> = await manager.query(
    `SELECT id, restaurant_id, status, closed_at, items_ordered, capacity, first_latitude, first_longitude, total_raw_price_minor
     FROM group_orders WHERE id = $1 FOR UPDATE`,
    [groupOrderId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: String(row.id),
    restaurantId: row.restaurant_id,
    status: row.status,
    closedAt: new Date(row.closed_at),
    itemsOrdered: Number(row.items_ordered),
    capacity: Number(row.capacity),
    firstLatitude: Number(row.first_latitude),
    firstLongitude: Number(row.first_longitude),
    totalRawPriceMinor: Number(row.total_raw_price_minor),
  };
}
