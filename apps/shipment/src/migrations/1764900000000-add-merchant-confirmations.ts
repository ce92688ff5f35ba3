import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * Orders the merchant must accept first (customer-app orders): the invoiced destination says so,
 * and the order ships only once OrderConfirmed is recorded here. A confirmation may arrive
 * before the invoice or the payment, so it is kept for orders not known yet.
 */
export class AddMerchantConfirmations1764900000000 implements MigrationInterface {
  name = 'AddMerchantConfirmations1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.order_destinations ADD COLUMN awaits_merchant_confirmation boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE TABLE ${s}.confirmed_orders (
        order_id text PRIMARY KEY,
        confirmed_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.confirmed_orders`);
    await queryRunner.query(`ALTER TABLE ${s}.order_destinations DROP COLUMN awaits_merchant_confirmation`);
  }
}
