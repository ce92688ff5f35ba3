import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/** Cash on delivery as payment terms, and one refund per charge for cancelled card orders. */
export class AddCashTermsAndRefunds1764100000000 implements MigrationInterface {
  name = 'AddCashTermsAndRefunds1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      ALTER TABLE ${s}.payable_invoices
        DROP CONSTRAINT payable_invoices_payment_terms_check,
        ADD CONSTRAINT payable_invoices_payment_terms_check CHECK (payment_terms IN ('card', 'account', 'cash'))`);
    await queryRunner.query(`
      ALTER TABLE ${s}.charges
        DROP CONSTRAINT charges_method_check,
        ADD CONSTRAINT charges_method_check CHECK (method IN ('card', 'account', 'cash'))`);
    // charge_transaction_id unique: a cancelled order is refunded at most once.
    await queryRunner.query(`
      CREATE TABLE ${s}.refunds (
        id uuid PRIMARY KEY,
        charge_transaction_id bigint NOT NULL UNIQUE REFERENCES ${s}.charges (transaction_id),
        order_id text NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
        provider_refund_id text,
        failure_code text,
        failure_message text,
        reason text NOT NULL,
        cancellation_event_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'succeeded') = (provider_refund_id IS NOT NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.refunds`);
    await queryRunner.query(`
      ALTER TABLE ${s}.charges
        DROP CONSTRAINT charges_method_check,
        ADD CONSTRAINT charges_method_check CHECK (method IN ('card', 'account'))`);
    await queryRunner.query(`
      ALTER TABLE ${s}.payable_invoices
        DROP CONSTRAINT payable_invoices_payment_terms_check,
        ADD CONSTRAINT payable_invoices_payment_terms_check CHECK (payment_terms IN ('card', 'account'))`);
  }
}
