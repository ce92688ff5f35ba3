import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * A mail planned before its order's contact is known waits as 'awaiting_contact' with the event
 * it was planned from, and is re-planned and sent once CartUpdated or InvoiceCreated brings the
 * address (events of one order travel on different topics, so their order is not guaranteed).
 */
export class AddAwaitingContactStatus1764300000000 implements MigrationInterface {
  name = 'AddAwaitingContactStatus1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE ${s}.notifications DROP CONSTRAINT notifications_status_check`);
    await queryRunner.query(`
      ALTER TABLE ${s}.notifications ADD CONSTRAINT notifications_status_check
        CHECK (status IN ('pending', 'sent', 'failed', 'skipped', 'awaiting_contact'))`);
    await queryRunner.query(`ALTER TABLE ${s}.notifications ADD COLUMN planned_from jsonb`);
    await queryRunner.query(`
      ALTER TABLE ${s}.notifications ADD CONSTRAINT notifications_awaiting_has_event_check
        CHECK (status <> 'awaiting_contact' OR planned_from IS NOT NULL)`);
    // Releasing an order's waiting mails and sending its pending ones look rows up by order.
    await queryRunner.query(`CREATE INDEX notifications_order_idx ON ${s}.notifications (order_id) WHERE status IN ('pending', 'awaiting_contact')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX ${s}.notifications_order_idx`);
    await queryRunner.query(
      `UPDATE ${s}.notifications SET status = 'skipped', last_error = 'no recipient known for the order', updated_at = now() WHERE status = 'awaiting_contact'`,
    );
    await queryRunner.query(`ALTER TABLE ${s}.notifications DROP CONSTRAINT notifications_awaiting_has_event_check`);
    await queryRunner.query(`ALTER TABLE ${s}.notifications DROP COLUMN planned_from`);
    await queryRunner.query(`ALTER TABLE ${s}.notifications DROP CONSTRAINT notifications_status_check`);
    await queryRunner.query(`ALTER TABLE ${s}.notifications ADD CONSTRAINT notifications_status_check CHECK (status IN ('pending', 'sent', 'failed', 'skipped'))`);
  }
}
