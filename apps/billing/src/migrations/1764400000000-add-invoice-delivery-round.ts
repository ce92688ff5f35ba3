import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/** A group order member's invoice keeps the delivery round it ships with (it travels on InvoiceCreated). */
export class AddInvoiceDeliveryRound1764400000000 implements MigrationInterface {
  name = 'AddInvoiceDeliveryRound1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.invoices ADD COLUMN delivery_round_id text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.invoices DROP COLUMN delivery_round_id`);
  }
}
