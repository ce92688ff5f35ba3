import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * The shipping holds PaymentProcessed carries (copied from the invoice): the payment may be
 * handled before InvoiceCreated, and an order must not ship meanwhile, e.g. through the
 * create-shipment command. Payments recorded earlier have none; their invoice's holds still apply.
 */
export class AddPaidOrderHolds1765100000000 implements MigrationInterface {
  name = 'AddPaidOrderHolds1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.paid_orders ADD COLUMN delivery_round_id text`);
    await queryRunner.query(`ALTER TABLE ${s}.paid_orders ADD COLUMN awaits_merchant_confirmation boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.paid_orders DROP COLUMN awaits_merchant_confirmation`);
    await queryRunner.query(`ALTER TABLE ${s}.paid_orders DROP COLUMN delivery_round_id`);
  }
}
