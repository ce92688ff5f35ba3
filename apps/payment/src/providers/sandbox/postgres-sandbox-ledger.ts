import type { DataSource, EntityManager } from 'typeorm';
import type { MaskedCard } from '../payment-provider';
import type { VaultedCard } from './sandbox-card-vault';
import {
  replayRecorded,
  type IdempotencyRecord,
  type SandboxCharge,
  type SandboxLedger,
  type SandboxLedgerWrites,
  type SandboxOperation,
} from './sandbox-ledger';
import { sandboxSchemaFor } from './sandbox-schema';
import type { SandboxCardBehaviour } from './sandbox-test-cards';

interface ChargeRow {
  provider_charge_id: string;
  idempotency_key: string;
  customer_id: string;
  amount_minor: string;
  currency: string;
  refunded_minor: string;
  card: MaskedCard;
  description: string | null;
  metadata: Record<string, string>;
  created_at: Date;
}

const CHARGE_COLUMNS =
  'provider_charge_id, idempotency_key, customer_id, amount_minor, currency, refunded_minor, card, description, metadata, created_at';

/**
 * The ledger in the `<service schema>_sandbox` schema (migration 1765400000000), on the
 * service's DataSource. One transaction per request: the idempotency key is claimed first with
 * INSERT ... ON CONFLICT DO NOTHING, so a second request with the same key (another replica, a
 * retry after a lost answer) waits on the first one's uncommitted row and then reads its answer.
 * The running service gives it a pool of its own (openSandboxDataSource), closed by close().
 */
export class PostgresSandboxLedger implements SandboxLedger {
  private readonly schema: string;

  constructor(private readonly dataSource: DataSource) {
    const serviceSchema = (dataSource.options as { schema?: string }).schema ?? 'public';
    this.schema = `"${sandboxSchemaFor(serviceSchema)}"`;
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  async saveCard(reference: string, card: VaultedCard): Promise<void> {
    await this.dataSource.query(`INSERT INTO ${this.schema}.cards (reference, owner_customer_id, card, behaviour) VALUES ($1, $2, $3, $4)`, [
      reference,
      card.ownerCustomerId,
      JSON.stringify(card.card),
      JSON.stringify(card.behaviour),
    ]);
  }

  async findCard(reference: string): Promise<VaultedCard | null> {
    const [row]: Array<{ owner_customer_id: string | null; card: MaskedCard; behaviour: SandboxCardBehaviour }> = await this.dataSource.query(
      `SELECT owner_customer_id, card, behaviour FROM ${this.schema}.cards WHERE reference = $1`,
      [reference],
    );
    return row ? { card: row.card, behaviour: row.behaviour, ownerCustomerId: row.owner_customer_id } : null;
  }

  answerOnce<T>(operation: SandboxOperation, key: string, fingerprint: string, work: (writes: SandboxLedgerWrites) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const claimed: unknown[] = await manager.query(
        `INSERT INTO ${this.schema}.idempotency_keys (operation, key, fingerprint) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
        [operation, key, fingerprint],
      );
      if (claimed.length === 0) {
        const [record]: IdempotencyRecord[] = await manager.query(
          `SELECT fingerprint, result FROM ${this.schema}.idempotency_keys WHERE operation = $1 AND key = $2`,
          [operation, key],
        );
        return replayRecorded<T>(record, key, fingerprint);
      }
      const result = await work(this.writes(manager));
      await manager.query(`UPDATE ${this.schema}.idempotency_keys SET result = $3 WHERE operation = $1 AND key = $2`, [
        operation,
        key,
        JSON.stringify(result),
      ]);
      return result;
    });
  }

  async listCharges(): Promise<SandboxCharge[]> {
    const rows: ChargeRow[] = await this.dataSource.query(`SELECT ${CHARGE_COLUMNS} FROM ${this.schema}.charges ORDER BY created_at, provider_charge_id`);
    return rows.map(chargeOf);
  }

  private writes(manager: EntityManager): SandboxLedgerWrites {
    return {
      insertCharge: async (charge) => {
        await manager.query(`INSERT INTO ${this.schema}.charges (${CHARGE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`, [
          charge.providerChargeId,
          charge.idempotencyKey,
          charge.customerId,
          charge.amountMinor,
          charge.currency,
          charge.refundedMinor,
          JSON.stringify(charge.card),
          charge.description,
          JSON.stringify(charge.metadata),
          charge.createdAt,
        ]);
      },
      chargeForRefund: async (providerChargeId) => {
        const [row]: ChargeRow[] = await manager.query(
          `SELECT ${CHARGE_COLUMNS} FROM ${this.schema}.charges WHERE provider_charge_id = $1 FOR UPDATE`,
          [providerChargeId],
        );
        return row ? chargeOf(row) : null;
      },
      insertRefund: async (refund) => {
        await manager.query(
          `INSERT INTO ${this.schema}.refunds (provider_refund_id, provider_charge_id, idempotency_key, amount_minor, currency, created_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [refund.providerRefundId, refund.providerChargeId, refund.idempotencyKey, refund.amountMinor, refund.currency, refund.createdAt],
        );
        await manager.query(`UPDATE ${this.schema}.charges SET refunded_minor = refunded_minor + $2 WHERE provider_charge_id = $1`, [
          refund.providerChargeId,
          refund.amountMinor,
        ]);
      },
    };
  }
}

function chargeOf(row: ChargeRow): SandboxCharge {
  return {
    providerChargeId: row.provider_charge_id,
    idempotencyKey: row.idempotency_key,
    customerId: row.customer_id,
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    refundedMinor: Number(row.refunded_minor),
    card: row.card,
    description: row.description,
    metadata: row.metadata,
    createdAt: row.created_at,
  };
}
