import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

export class CreateShipments1763900000000 implements MigrationInterface {
  name = 'CreateShipments1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // Projection of InvoiceCreated (or the create-shipment command): where each order goes.
    await queryRunner.query(`
      CREATE TABLE ${s}.order_destinations (
        order_id text PRIMARY KEY,
        recipient_name text NOT NULL,
        phone text,
        address text NOT NULL,
        source text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Projection of PaymentProcessed: only paid orders ship.
    await queryRunner.query(`
      CREATE TABLE ${s}.paid_orders (
        order_id text PRIMARY KEY,
        payment_id text NOT NULL,
        correlation_id text NOT NULL,
        paid_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.shipments (
        id uuid PRIMARY KEY,
        order_id text NOT NULL UNIQUE,
        carrier text NOT NULL,
        tracking_number text NOT NULL UNIQUE,
        status text NOT NULL,
        recipient_name text NOT NULL,
        phone text,
        address text NOT NULL,
        shipped_at timestamptz NOT NULL,
        estimated_delivery_at timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.shipments`);
    await queryRunner.query(`DROP TABLE ${s}.paid_orders`);
    await queryRunner.query(`DROP TABLE ${s}.order_destinations`);
  }
}
