import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * An invoice remembers that its order waits for the merchant's acceptance (customer-app orders),
 * so InvoiceCreated tells shipment to hold it until OrderConfirmed.
 */
export class AddInvoiceMerchantConfirmation1764900000000 implements MigrationInterface {
  name = 'AddInvoiceMerchantConfirmation1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.invoices ADD COLUMN awaits_merchant_confirmation boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.invoices DROP COLUMN awaits_merchant_confirmation`);
  }
}
