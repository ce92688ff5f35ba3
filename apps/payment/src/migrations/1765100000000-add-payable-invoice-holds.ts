import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * The invoice's shipping holds (group delivery round, merchant acceptance), copied into
 * PaymentProcessed: shipment may handle the payment before the invoice and must not ship the
 * order meanwhile. Rows recorded earlier get none: their payments publish as before, and
 * shipment still learns the holds from InvoiceCreated.
 */
export class AddPayableInvoiceHolds1765100000000 implements MigrationInterface {
  name = 'AddPayableInvoiceHolds1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.payable_invoices ADD COLUMN delivery_round_id text`);
    await queryRunner.query(`ALTER TABLE ${s}.payable_invoices ADD COLUMN awaits_merchant_confirmation boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.payable_invoices DROP COLUMN awaits_merchant_confirmation`);
    await queryRunner.query(`ALTER TABLE ${s}.payable_invoices DROP COLUMN delivery_round_id`);
  }
}
