import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * The reconciler's schedule for charges left `attempting`: when it may try a charge again
 * (backoff after a failed try) and how many times it has tried; the partial index keeps its
 * sweep cheap however many final charges there are.
 */
export class AddChargeReconcileSchedule1765200000000 implements MigrationInterface {
  name = 'AddChargeReconcileSchedule1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.charges ADD COLUMN next_attempt_at timestamptz`);
    await queryRunner.query(`ALTER TABLE ${s}.charges ADD COLUMN reconcile_attempts int NOT NULL DEFAULT 0`);
    await queryRunner.query(`CREATE INDEX charges_attempting_since ON ${s}.charges (created_at) WHERE status = 'attempting'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX ${s}.charges_attempting_since`);
    await queryRunner.query(`ALTER TABLE ${s}.charges DROP COLUMN reconcile_attempts`);
    await queryRunner.query(`ALTER TABLE ${s}.charges DROP COLUMN next_attempt_at`);
  }
}
