import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * The customer-app family: app users (customer and restaurant apps; scrypt password hashes),
 * restaurants with their menus, coupons with their redemptions, and the draft orders the
 * apps build step by step. A draft's id becomes the checkout order id when it is submitted.
 */
export class CreateCustomerAppOrders1764100000000 implements MigrationInterface {
  name = 'CreateCustomerAppOrders1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.restaurants (
        id text PRIMARY KEY,
        name text NOT NULL,
        currency char(3) NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.restaurant_products (
        restaurant_id text NOT NULL REFERENCES ${s}.restaurants (id),
        id text NOT NULL,
        name text NOT NULL,
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
        active boolean NOT NULL DEFAULT true,
        PRIMARY KEY (restaurant_id, id)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.app_users (
        username text PRIMARY KEY,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('CUSTOMER_APP', 'RESTAURANT_APP')),
        customer_id text REFERENCES ${s}.customers (id),
        restaurant_id text REFERENCES ${s}.restaurants (id),
        CHECK ((role = 'CUSTOMER_APP') = (customer_id IS NOT NULL)),
        CHECK ((role = 'RESTAURANT_APP') = (restaurant_id IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.coupons (
        code text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('percentage', 'fixed')),
        percent_off int CHECK (percent_off BETWEEN 1 AND 100),
        amount_off_minor bigint CHECK (amount_off_minor > 0),
        currency char(3) NOT NULL,
        minimum_minor bigint NOT NULL DEFAULT 0 CHECK (minimum_minor >= 0),
        valid_from timestamptz NOT NULL,
        valid_until timestamptz NOT NULL,
        CHECK ((kind = 'percentage') = (percent_off IS NOT NULL)),
        CHECK ((kind = 'fixed') = (amount_off_minor IS NOT NULL))
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.customer_app_orders (
        id uuid PRIMARY KEY,
        customer_id text NOT NULL REFERENCES ${s}.customers (id),
        restaurant_id text NOT NULL REFERENCES ${s}.restaurants (id),
        state text NOT NULL CHECK (state IN ('CREATED', 'DETAILS_CONFIRMED', 'PAYMENT_CONFIRMED', 'ACCEPTED', 'REJECTED')),
        currency char(3) NOT NULL,
        lines jsonb NOT NULL,
        subtotal_minor bigint NOT NULL CHECK (subtotal_minor >= 0),
        discount_minor bigint NOT NULL DEFAULT 0 CHECK (discount_minor >= 0),
        tax_minor bigint NOT NULL CHECK (tax_minor >= 0),
        total_minor bigint NOT NULL CHECK (total_minor >= 0),
        coupon_code text REFERENCES ${s}.coupons (code),
        delivery_address text,
        table_number text,
        customer_details jsonb,
        payment_method text CHECK (payment_method IN ('CARD', 'CASH')),
        rejection_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (delivery_address IS NOT NULL OR table_number IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX customer_app_orders_customer_idx ON ${s}.customer_app_orders (customer_id, created_at)`);
    // Once per customer: the redemption row is the proof, unique per (coupon, customer).
    await queryRunner.query(`
      CREATE TABLE ${s}.coupon_redemptions (
        coupon_code text NOT NULL REFERENCES ${s}.coupons (code),
        customer_id text NOT NULL,
        order_id uuid NOT NULL REFERENCES ${s}.customer_app_orders (id),
        redeemed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (coupon_code, customer_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of ['coupon_redemptions', 'customer_app_orders', 'coupons', 'app_users', 'restaurant_products', 'restaurants']) {
      await queryRunner.query(`DROP TABLE ${s}.${table}`);
    }
  }
}
