import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * The cancellation's correlation id: a charge captured after its order was cancelled is
 * refunded by the settle step, and its PaymentRefunded carries the cancellation's trace.
 */
export class AddCancellationCorrelation1764800000000 implements MigrationInterface {
  name = 'AddCancellationCorrelation1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.cancelled_orders ADD COLUMN correlation_id text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.cancelled_orders DROP COLUMN correlation_id`);
  }
}
