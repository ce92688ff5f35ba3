import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './schema-of';

/**
 * Idempotency-Key of the order-creating commands (customer-app drafts, FoodRush create, join and
 * external orders). The primary key scopes a key to its requester and operation; a second request
 * with the same key waits on it until the first transaction ends. order_id is empty only while the
 * first request's transaction runs: a refused request deletes its row, a crash rolls it back.
 */
export class CreateIdempotentRequests1765300000000 implements MigrationInterface {
  name = 'CreateIdempotentRequests1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE ${s}.idempotent_requests (
        requester text NOT NULL,
        operation text NOT NULL,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        fingerprint char(64) NOT NULL,
        order_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (requester, operation, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${schemaOf(queryRunner)}.idempotent_requests`);
  }
}
