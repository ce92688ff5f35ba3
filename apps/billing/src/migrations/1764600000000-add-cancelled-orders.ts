import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/** Orders cancelled before they were invoiced: a later CartUpdated issues no invoice. */
export class AddCancelledOrders1764600000000 implements MigrationInterface {
  name = 'AddCancelledOrders1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.cancelled_orders (
        order_id text PRIMARY KEY,
        reason text NOT NULL,
        cancelled_by text NOT NULL,
        cancellation_event_id text NOT NULL,
        cancelled_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.cancelled_orders`);
  }
}
