import type { CommandReply } from '@order-platform/contracts';
import type { Client } from 'pg';
import type { GroupOrderPlacementService } from '../src/group-orders/placement/group-order-placement.service';

/*
 * Synthetic bench data, inserted straight into the bench's throwaway cart schema. Every row is
 * marked: ids start with "bench-", names say "(bench)", mail goes to bench.example.com.
 */

/** The demo restaurant 6's place, and the issue's example address about 1 km from it. */
const RESTAURANT_LOCATION = { latitude: 48.7137, longitude: 2.2089 };
export const BENCH_ADDRESS = { street: 'Allée des techniques avancées', city: 'Palaiseau', latitude: 48.711042, longitude: 2.219278 };
/** Above GROUP_ORDER_MINIMUM_PRICE_CENTS (1100), so one item is a valid member order. */
const DISH_PRICE_CENTS = 1200;
/** Items per group: the runs put hundreds of members in one group. */
const BENCH_GROUP_CAPACITY = 1_000_000;
/** Product format ids far above the demo ones (1..5). */
const FIRST_FORMAT_ID = 900_001;

export interface BenchRestaurant {
  id: string;
  formatId: string;
}

/** Inserts `count` activated customers with first name, last name and phone (what placement requires). */
export async function seedCustomers(sql: Client, count: number): Promise<string[]> {
  const { rows } = await sql.query<{ id: string }>(
    `INSERT INTO customers (id, name, email, phone, first_name, last_name, activated)
     SELECT 'bench-c-' || lpad(i::text, 6, '0'), 'Bench customer ' || i || ' (bench)', 'bench-c-' || i || '@bench.example.com',
            '06' || lpad(i::text, 8, '0'), 'Bench', 'Customer ' || i, true
       FROM generate_series(1, $1::int) AS i
     RETURNING id`,
    [count],
  );
  return rows.map((row) => row.id);
}

/** Hands out the seeded customers in turn, so consecutive joins come from different people. */
export class CustomerRotation {
  private next = 0;

  constructor(private readonly ids: readonly string[]) {}

  take(): string {
    const id = this.ids[this.next % this.ids.length];
    this.next += 1;
    return id;
  }
}

/** Restaurants with one dish each, always open, capacity high enough for any run. */
export class BenchRestaurants {
  private created = 0;

  constructor(private readonly sql: Client) {}

  async create(label: string): Promise<BenchRestaurant> {
    this.created += 1;
    const id = `bench-r-${String(this.created).padStart(4, '0')}`;
    const formatId = String(FIRST_FORMAT_ID + this.created);
    await this.sql.query(
      `INSERT INTO restaurants (id, name, currency, latitude, longitude, group_capacity, max_preparation_minutes, opens_at, closes_at, time_zone)
       VALUES ($1, $2, 'EUR', $3, $4, $5, 30, NULL, NULL, 'UTC')`,
      [id, `Bench restaurant ${label} (bench)`, RESTAURANT_LOCATION.latitude, RESTAURANT_LOCATION.longitude, BENCH_GROUP_CAPACITY],
    );
    await this.sql.query(`INSERT INTO product_formats (id, restaurant_id, name, price_minor) VALUES ($1, $2, $3, $4)`, [formatId, id, `Bench dish ${formatId} (bench)`, DISH_PRICE_CENTS]);
    return { id, formatId };
  }
}

/** The body of a one-item member order at the bench address. */
export function memberBody(restaurant: BenchRestaurant): { productFormats: Record<string, number>; deliveryAddress: typeof BENCH_ADDRESS } {
  return { productFormats: { [restaurant.formatId]: 1 }, deliveryAddress: BENCH_ADDRESS };
}

/** Opens a group at `restaurant` through the placement service, as a customer would; returns its id. */
export async function openGroup(placement: GroupOrderPlacementService, restaurant: BenchRestaurant, customerId: string, foodRushMinutes: number): Promise<string> {
  const reply = await placement.create({
    requester: { role: 'CUSTOMER_APP', customerId },
    body: { foodRushDurationInMinutes: foodRushMinutes, ...memberBody(restaurant) },
    include: ['groupOrder'],
  });
  return successful(reply, `open a group at ${restaurant.id}`).groupOrder?.id as string;
}

export function successful<T>(reply: CommandReply<T>, what: string): T {
  if (!reply.ok) throw new Error(`${what}: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}
