import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/** Contact and destination travel on InvoiceCreated; voiding keeps the row (numbers stay gap-free). */
export class AddInvoiceContactAndVoiding1763900000000 implements MigrationInterface {
  name = 'AddInvoiceContactAndVoiding1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.invoices
        ADD COLUMN customer_name text,
        ADD COLUMN customer_email text,
        ADD COLUMN customer_phone text,
        ADD COLUMN shipping_address text,
        ADD COLUMN delivery_address jsonb,
        ADD COLUMN payment_terms text NOT NULL DEFAULT 'card' CHECK (payment_terms IN ('card', 'account')),
        ADD COLUMN source text NOT NULL DEFAULT 'event' CHECK (source IN ('event', 'command')),
        ADD COLUMN voided_at timestamptz,
        ADD COLUMN void_reason text,
        ADD CONSTRAINT invoices_status_check CHECK (status IN ('issued', 'voided')),
        ADD CONSTRAINT invoices_voided_check CHECK ((status = 'voided') = (voided_at IS NOT NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.invoices
        DROP CONSTRAINT invoices_voided_check,
        DROP CONSTRAINT invoices_status_check,
        DROP COLUMN void_reason,
        DROP COLUMN voided_at,
        DROP COLUMN source,
        DROP COLUMN payment_terms,
        DROP COLUMN delivery_address,
        DROP COLUMN shipping_address,
        DROP COLUMN customer_phone,
        DROP COLUMN customer_email,
        DROP COLUMN customer_name`);
  }
}
