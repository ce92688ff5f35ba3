import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/** Wholesale orders follow the checkout lifecycle after PLACED, and keep why one was cancelled. */
export class AddWholesaleLifecycleStates1764250000000 implements MigrationInterface {
  name = 'AddWholesaleLifecycleStates1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.wholesale_orders DROP CONSTRAINT IF EXISTS wholesale_orders_order_state_check`);
    await queryRunner.query(
      `ALTER TABLE ${s}.wholesale_orders ADD CONSTRAINT wholesale_orders_order_state_check
         CHECK (order_state IN ('OPEN', 'PLACED', 'INVOICED', 'PAID', 'SHIPPED', 'CANCELLED'))`,
    );
    await queryRunner.query(`ALTER TABLE ${s}.wholesale_orders ADD COLUMN cancellation_reason text, ADD COLUMN state_changed_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.wholesale_orders DROP COLUMN cancellation_reason, DROP COLUMN state_changed_at`);
    await queryRunner.query(`ALTER TABLE ${s}.wholesale_orders DROP CONSTRAINT IF EXISTS wholesale_orders_order_state_check`);
    await queryRunner.query(`UPDATE ${s}.wholesale_orders SET order_state = 'PLACED' WHERE order_state <> 'OPEN'`);
    await queryRunner.query(`ALTER TABLE ${s}.wholesale_orders ADD CONSTRAINT wholesale_orders_order_state_check CHECK (order_state IN ('OPEN', 'PLACED'))`);
  }
}
