import { PaymentRequestError } from '../payment-errors';
import type { MaskedCard } from '../payment-provider';
import type { VaultedCard } from './sandbox-card-vault';

/** What the sandbox "captured": masked card only, never the PAN. */
export interface SandboxCharge {
  providerChargeId: string;
  idempotencyKey: string;
  customerId: string;
  amountMinor: number;
  currency: string;
  refundedMinor: number;
  card: MaskedCard;
  description: string | null;
  metadata: Record<string, string>;
  createdAt: Date;
}

export interface SandboxRefund {
  providerRefundId: string;
  providerChargeId: string;
  idempotencyKey: string;
  amountMinor: number;
  currency: string;
  createdAt: Date;
}

/** Charges and refunds have separate key spaces, as at Stripe (different endpoints). */
export type SandboxOperation = 'charge' | 'refund';

/** The writes of one answered request; they land together with its idempotency record, or not at all. */
export interface SandboxLedgerWrites {
  insertCharge(charge: SandboxCharge): Promise<void>;
  /** The charge, held against other refunds until this request's answer is recorded. */
  chargeForRefund(providerChargeId: string): Promise<SandboxCharge | null>;
  /** Records the refund and adds its amount to the charge's refunded total. */
  insertRefund(refund: SandboxRefund): Promise<void>;
}

/**
 * The provider side's memory: the vault's cards, charges, refunds and idempotency records.
 * In memory for unit tests; in PostgreSQL for the running service, so that, like a real
 * provider, the sandbox remembers across payment restarts and across replicas.
 */
export interface SandboxLedger {
  saveCard(reference: string, card: VaultedCard): Promise<void>;
  findCard(reference: string): Promise<VaultedCard | null>;
  /**
   * Answers a request once per (operation, key). The first request runs `work`; its result is
   * recorded atomically with the writes it made. A later request with the same key and
   * fingerprint gets that result back without running anything, one with another fingerprint
   * a PaymentRequestError. Requests with one key at the same moment run `work` once. A `work`
   * that throws leaves nothing behind, so a retry runs it again.
   */
  answerOnce<T>(operation: SandboxOperation, key: string, fingerprint: string, work: (writes: SandboxLedgerWrites) => Promise<T>): Promise<T>;
  /** Every charge, oldest first. */
  listCharges(): Promise<SandboxCharge[]>;
  /** Releases what the ledger holds open (its connection pool). */
  close?(): Promise<void>;
}

export interface IdempotencyRecord {
  fingerprint: string;
  result: unknown;
}

/** The recorded answer to a repeated key, as both ledgers give it. */
export function replayRecorded<T>(record: IdempotencyRecord, key: string, fingerprint: string): T {
  // Same answer as Stripe: a key reused for a different request is a caller bug.
  if (record.fingerprint !== fingerprint) {
    throw new PaymentRequestError(`Idempotency key ${key} was already used with different parameters`, 'idempotency_key_reused');
  }
  return structuredClone(record.result) as T;
}
