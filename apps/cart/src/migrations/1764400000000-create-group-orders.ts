import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * Group orders ("FoodRush"): restaurants gain a location, a per-group capacity, a preparation time
 * and opening hours; customers gain the identity a group order requires (customers.phone already
 * holds the phone number). Product formats are the group-order menu. Timers drive the group's
 * transitions durably; the clock row keeps the controllable clock's offset across restarts.
 */
export class CreateGroupOrders1764400000000 implements MigrationInterface {
  name = 'CreateGroupOrders1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.restaurants
        ADD COLUMN latitude double precision,
        ADD COLUMN longitude double precision,
        ADD COLUMN group_capacity int NOT NULL DEFAULT 10 CHECK (group_capacity > 0),
        ADD COLUMN max_preparation_minutes int NOT NULL DEFAULT 30 CHECK (max_preparation_minutes >= 0),
        ADD COLUMN opens_at time,
        ADD COLUMN closes_at time,
        ADD COLUMN time_zone text NOT NULL DEFAULT 'Europe/Paris'`);
    await queryRunner.query(`
      ALTER TABLE ${s}.customers
        ADD COLUMN first_name text,
        ADD COLUMN last_name text,
        ADD COLUMN activated boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`
      CREATE TABLE ${s}.product_formats (
        id bigint PRIMARY KEY,
        restaurant_id text NOT NULL REFERENCES ${s}.restaurants (id),
        name text NOT NULL,
        price_minor bigint NOT NULL CHECK (price_minor >= 0),
        active boolean NOT NULL DEFAULT true
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.group_orders (
        id bigserial PRIMARY KEY,
        restaurant_id text NOT NULL REFERENCES ${s}.restaurants (id),
        status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED', 'CONFIRMED', 'DELIVERING', 'CANCELLED')),
        external boolean NOT NULL DEFAULT false,
        foodrush_minutes int NOT NULL,
        currency char(3) NOT NULL,
        discount_rate int NOT NULL DEFAULT 0,
        total_raw_price_minor bigint NOT NULL DEFAULT 0,
        items_ordered int NOT NULL DEFAULT 0,
        capacity int NOT NULL,
        first_latitude double precision NOT NULL,
        first_longitude double precision NOT NULL,
        created_at timestamptz NOT NULL,
        closed_at timestamptz NOT NULL,
        ending_at timestamptz NOT NULL,
        prepared_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        cancelled_at timestamptz,
        CHECK (items_ordered <= capacity)
      )`);
    // One open group per restaurant: two racing creates cannot both commit.
    await queryRunner.query(`CREATE UNIQUE INDEX group_orders_one_open_per_restaurant ON ${s}.group_orders (restaurant_id) WHERE status = 'OPEN'`);
    await queryRunner.query(`
      CREATE TABLE ${s}.group_member_orders (
        id bigserial PRIMARY KEY,
        group_order_id bigint NOT NULL REFERENCES ${s}.group_orders (id),
        restaurant_id text NOT NULL,
        customer_id text REFERENCES ${s}.customers (id),
        external_customer jsonb,
        checkout_order_id uuid NOT NULL UNIQUE,
        product_formats jsonb NOT NULL,
        items int NOT NULL,
        raw_price_minor bigint NOT NULL,
        discounted_price_minor bigint NOT NULL,
        comment text,
        delivery_address jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK (customer_id IS NOT NULL OR external_customer IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX group_member_orders_customer_idx ON ${s}.group_member_orders (customer_id, created_at)`);
    await queryRunner.query(`CREATE INDEX group_member_orders_group_idx ON ${s}.group_member_orders (group_order_id)`);
    await queryRunner.query(`
      CREATE TABLE ${s}.group_order_timers (
        group_order_id bigint NOT NULL REFERENCES ${s}.group_orders (id),
        kind text NOT NULL CHECK (kind IN ('CLOSE', 'END', 'DELIVERY_ROUND')),
        due_at timestamptz NOT NULL,
        fired_at timestamptz,
        PRIMARY KEY (group_order_id, kind)
      )`);
    await queryRunner.query(`CREATE INDEX group_order_timers_due_idx ON ${s}.group_order_timers (due_at) WHERE fired_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE ${s}.group_order_clock (
        id int PRIMARY KEY CHECK (id = 1),
        offset_ms bigint NOT NULL DEFAULT 0
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of ['group_order_clock', 'group_order_timers', 'group_member_orders', 'group_orders', 'product_formats']) {
      await queryRunner.query(`DROP TABLE ${s}.${table}`);
    }
    await queryRunner.query(`ALTER TABLE ${s}.customers DROP COLUMN activated, DROP COLUMN last_name, DROP COLUMN first_name`);
    await queryRunner.query(`
      ALTER TABLE ${s}.restaurants
        DROP COLUMN time_zone, DROP COLUMN closes_at, DROP COLUMN opens_at, DROP COLUMN max_preparation_minutes,
        DROP COLUMN group_capacity, DROP COLUMN longitude, DROP COLUMN latitude`);
  }
}
