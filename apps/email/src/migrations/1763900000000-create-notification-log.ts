import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

export class CreateNotificationLog1763900000000 implements MigrationInterface {
  name = 'CreateNotificationLog1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // Who to write to about each order (CartUpdated, then InvoiceCreated fills gaps).
    await queryRunner.query(`
      CREATE TABLE ${s}.order_contacts (
        order_id text PRIMARY KEY,
        email text,
        name text,
        phone text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One row per (event, template), written before the mail is sent: the unique key is what
    // keeps a redelivered event or a retry from mailing twice.
    await queryRunner.query(`
      CREATE TABLE ${s}.notifications (
        id uuid PRIMARY KEY,
        notification_key text NOT NULL UNIQUE,
        template text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        order_id text,
        correlation_id text NOT NULL,
        recipient text,
        subject text,
        text_body text,
        html_body text,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        message_id text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX notifications_event_idx ON ${s}.notifications (event_id)`);
    await queryRunner.query(`CREATE INDEX notifications_pending_idx ON ${s}.notifications (created_at) WHERE status = 'pending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.notifications`);
    await queryRunner.query(`DROP TABLE ${s}.order_contacts`);
  }
}
