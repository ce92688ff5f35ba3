import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * Group orders ship in delivery rounds: an invoiced member order names its round, waits until
 * DeliveryRoundStarted records the round here, and its shipment keeps the round id. Cancelled
 * orders (OrderCancelled) are remembered so nothing ships them afterwards.
 */
export class AddDeliveryRounds1764400000000 implements MigrationInterface {
  name = 'AddDeliveryRounds1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.delivery_rounds (
        id text PRIMARY KEY,
        restaurant_id text NOT NULL,
        started_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`ALTER TABLE ${s}.order_destinations ADD COLUMN delivery_round_id text`);
    await queryRunner.query(`ALTER TABLE ${s}.shipments ADD COLUMN delivery_round_id text`);
    await queryRunner.query(`CREATE INDEX shipments_delivery_round_idx ON ${s}.shipments (delivery_round_id) WHERE delivery_round_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE ${s}.cancelled_orders (
        order_id text PRIMARY KEY,
        reason text NOT NULL,
        cancelled_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.cancelled_orders`);
    await queryRunner.query(`DROP INDEX ${s}.shipments_delivery_round_idx`);
    await queryRunner.query(`ALTER TABLE ${s}.shipments DROP COLUMN delivery_round_id`);
    await queryRunner.query(`ALTER TABLE ${s}.order_destinations DROP COLUMN delivery_round_id`);
    await queryRunner.query(`DROP TABLE ${s}.delivery_rounds`);
  }
}
