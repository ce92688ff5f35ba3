import type { MigrationInterface, QueryRunner } from 'typeorm';
import { sandboxSchemaFor } from '../providers/sandbox/sandbox-schema';

/**
 * The sandbox provider's own records (providers/sandbox/postgres-sandbox-ledger.ts), in a schema
 * of their own that plays the provider's side: vaulted cards (masked data and test behaviour,
 * never a number), charges, refunds, and idempotency records, so that like Stripe the sandbox
 * remembers them across payment restarts. Created with the service's migrations, so every
 * replica finds them at start whichever provider is configured; unused with Stripe.
 */
export class CreateSandboxLedger1765400000000 implements MigrationInterface {
  name = 'CreateSandboxLedger1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = sandboxSchemaOf(queryRunner);
    await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    // owner_customer_id is set for cards on file (only that customer may charge them), null for one-off tokens.
    await queryRunner.query(`
      CREATE TABLE ${s}.cards (
        reference text PRIMARY KEY,
        owner_customer_id text,
        card jsonb NOT NULL,
        behaviour jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.charges (
        provider_charge_id text PRIMARY KEY,
        idempotency_key text NOT NULL,
        customer_id text NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        refunded_minor bigint NOT NULL DEFAULT 0,
        card jsonb NOT NULL,
        description text,
        metadata jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        CHECK (refunded_minor BETWEEN 0 AND amount_minor)
      )`);
    await queryRunner.query(`
      CREATE TABLE ${s}.refunds (
        provider_refund_id text PRIMARY KEY,
        provider_charge_id text NOT NULL REFERENCES ${s}.charges (provider_charge_id),
        idempotency_key text NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor > 0),
        currency char(3) NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    // One row per answered request; result is null only inside the transaction that claimed the key.
    await queryRunner.query(`
      CREATE TABLE ${s}.idempotency_keys (
        operation text NOT NULL CHECK (operation IN ('charge', 'refund')),
        key text NOT NULL,
        fingerprint text NOT NULL,
        result jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (operation, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA ${sandboxSchemaOf(queryRunner)} CASCADE`);
  }
}

function sandboxSchemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
  return `"${sandboxSchemaFor(schema)}"`;
}
