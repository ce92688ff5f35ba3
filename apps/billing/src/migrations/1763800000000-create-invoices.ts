import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

export class CreateInvoices1763800000000 implements MigrationInterface {
  name = 'CreateInvoices1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // Gap-free numbering: the counter row is locked and bumped in the invoice's transaction.
    await queryRunner.query(`
      CREATE TABLE ${s}.invoice_counters (
        year int PRIMARY KEY,
        last_number int NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.invoices (
        id uuid PRIMARY KEY,
        order_id text NOT NULL UNIQUE,
        customer_id text NOT NULL,
        number text NOT NULL UNIQUE,
        currency char(3) NOT NULL,
        subtotal_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        total_minor bigint NOT NULL,
        status text NOT NULL,
        issued_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.invoice_lines (
        invoice_id uuid NOT NULL REFERENCES ${s}.invoices (id) ON DELETE CASCADE,
        line_no int NOT NULL,
        description text NOT NULL,
        product_id text,
        quantity int NOT NULL CHECK (quantity > 0),
        unit_price_minor bigint NOT NULL,
        tax_minor bigint NOT NULL,
        total_minor bigint NOT NULL,
        PRIMARY KEY (invoice_id, line_no)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.invoice_lines`);
    await queryRunner.query(`DROP TABLE ${s}.invoices`);
    await queryRunner.query(`DROP TABLE ${s}.invoice_counters`);
  }
}
