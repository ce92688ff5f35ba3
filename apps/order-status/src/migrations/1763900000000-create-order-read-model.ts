import type { MigrationInterface, QueryRunner } from 'typeorm';

function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
  return `"${schema.replace(/"/g, '""')}"`;
}

/** The order read model: one row per order, one timeline step per event (event id unique). */
export class CreateOrderReadModel1763900000000 implements MigrationInterface {
  name = 'CreateOrderReadModel1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.orders (
        order_id text PRIMARY KEY,
        status text NOT NULL,
        cancellation_reason text,
        customer_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.order_timeline (
        seq bigserial PRIMARY KEY,
        order_id text NOT NULL REFERENCES ${s}.orders (order_id) ON DELETE CASCADE,
        event_id text NOT NULL UNIQUE,
        step text NOT NULL,
        at timestamptz NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(`CREATE INDEX order_timeline_order_idx ON ${s}.order_timeline (order_id, at, seq)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE ${s}.order_timeline`);
    await queryRunner.query(`DROP TABLE ${s}.orders`);
  }
}
