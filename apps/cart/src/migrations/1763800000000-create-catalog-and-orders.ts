import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

export class CreateCatalogAndOrders1763800000000 implements MigrationInterface {
  name = 'CreateCatalogAndOrders1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.products (
        id text PRIMARY KEY,
        name text NOT NULL,
        unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
        currency char(3) NOT NULL,
        active boolean NOT NULL DEFAULT true
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.customers (
        id text PRIMARY KEY,
        name text NOT NULL,
        email text
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.orders (
        id uuid PRIMARY KEY,
        cart_id text NOT NULL UNIQUE,
        customer_id text NOT NULL,
        channel text NOT NULL,
        currency char(3) NOT NULL,
        subtotal_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        total_minor bigint NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX orders_customer_idx ON ${s}.orders (customer_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE ${s}.order_lines (
        order_id uuid NOT NULL REFERENCES ${s}.orders (id) ON DELETE CASCADE,
        line_no int NOT NULL,
        product_id text NOT NULL,
        quantity int NOT NULL CHECK (quantity > 0),
        unit_price_minor bigint NOT NULL,
        line_total_minor bigint NOT NULL,
        PRIMARY KEY (order_id, line_no)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.order_lines`);
    await queryRunner.query(`DROP TABLE ${s}.orders`);
    await queryRunner.query(`DROP TABLE ${s}.customers`);
    await queryRunner.query(`DROP TABLE ${s}.products`);
  }
}
