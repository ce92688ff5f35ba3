import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

export class CreatePaymentTables1763800000000 implements MigrationInterface {
  name = 'CreatePaymentTables1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // Only the provider's token/reference and masked card data: never a card number.
    await queryRunner.query(`
      CREATE TABLE ${s}.payment_methods (
        id text PRIMARY KEY,
        customer_id text NOT NULL,
        provider_reference text NOT NULL,
        provider_customer_id text,
        brand text NOT NULL,
        first6 char(6),
        last4 char(4) NOT NULL,
        exp_month int NOT NULL CHECK (exp_month BETWEEN 1 AND 12),
        exp_year int NOT NULL,
        holder_first_name text,
        holder_last_name text,
        is_default boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX payment_methods_one_default ON ${s}.payment_methods (customer_id) WHERE is_default`);
    // What payment knows of each invoice (from InvoiceCreated); its row lock serializes charging.
    await queryRunner.query(`
      CREATE TABLE ${s}.payable_invoices (
        invoice_id text PRIMARY KEY,
        order_id text NOT NULL,
        customer_id text NOT NULL,
        invoice_number text NOT NULL,
        currency char(3) NOT NULL,
        total_minor bigint NOT NULL CHECK (total_minor >= 0),
        payment_terms text NOT NULL CHECK (payment_terms IN ('card', 'account')),
        correlation_id text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE SEQUENCE ${s}.charge_transaction_ids START WITH 1071573807`);
    const sequence = `${s}.charge_transaction_ids`.replace(/'/g, "''");
    await queryRunner.query(`
      CREATE TABLE ${s}.charges (
        transaction_id bigint PRIMARY KEY DEFAULT nextval('${sequence}'),
        invoice_id text NOT NULL UNIQUE REFERENCES ${s}.payable_invoices (invoice_id),
        order_id text NOT NULL,
        customer_id text NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
        currency char(3) NOT NULL,
        method text NOT NULL CHECK (method IN ('card', 'account')),
        provider text NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        status text NOT NULL CHECK (status IN ('attempting', 'succeeded', 'declined')),
        attempts int NOT NULL DEFAULT 0,
        payment_method_id text,
        provider_charge_id text,
        card_brand text,
        card_first6 char(6),
        card_last4 char(4),
        card_exp_month int,
        card_exp_year int,
        card_holder_first_name text,
        card_holder_last_name text,
        decline_code text,
        decline_message text,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CHECK ((status = 'attempting') = (completed_at IS NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.charges`);
    await queryRunner.query(`DROP SEQUENCE ${s}.charge_transaction_ids`);
    await queryRunner.query(`DROP TABLE ${s}.payable_invoices`);
    await queryRunner.query(`DROP TABLE ${s}.payment_methods`);
  }
}
