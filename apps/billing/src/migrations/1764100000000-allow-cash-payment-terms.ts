import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/** Cash on delivery joins card and account as an order's payment terms. */
export class AllowCashPaymentTerms1764100000000 implements MigrationInterface {
  name = 'AllowCashPaymentTerms1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.invoices
        DROP CONSTRAINT invoices_payment_terms_check,
        ADD CONSTRAINT invoices_payment_terms_check CHECK (payment_terms IN ('card', 'account', 'cash'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.invoices
        DROP CONSTRAINT invoices_payment_terms_check,
        ADD CONSTRAINT invoices_payment_terms_check CHECK (payment_terms IN ('card', 'account'))`);
  }
}
