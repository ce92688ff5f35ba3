import type { VaultedCard } from './sandbox-card-vault';
import {
  replayRecorded,
  type IdempotencyRecord,
  type SandboxCharge,
  type SandboxLedger,
  type SandboxLedgerWrites,
  type SandboxOperation,
} from './sandbox-ledger';

/**
 * The ledger in process memory, for unit tests of the sandbox: forgotten with the instance.
 * Requests are answered one at a time, and a request's writes are applied only once its work
 * has finished, so a throwing request leaves nothing behind, as a rolled-back transaction.
 */
export class InMemorySandboxLedger implements SandboxLedger {
  private readonly cards = new Map<string, VaultedCard>();
  private readonly charges = new Map<string, SandboxCharge>();
  private readonly records = new Map<string, IdempotencyRecord>();
  private queue: Promise<unknown> = Promise.resolve();

  async saveCard(reference: string, card: VaultedCard): Promise<void> {
    this.cards.set(reference, structuredClone(card));
  }

  async findCard(reference: string): Promise<VaultedCard | null> {
    const card = this.cards.get(reference);
    return card ? structuredClone(card) : null;
  }

  answerOnce<T>(operation: SandboxOperation, key: string, fingerprint: string, work: (writes: SandboxLedgerWrites) => Promise<T>): Promise<T> {
    const answer = async (): Promise<T> => {
      const recordKey = `${operation}:${key}`;
      const previous = this.records.get(recordKey);
      if (previous) return replayRecorded<T>(previous, key, fingerprint);
      const staged: Array<() => void> = [];
      const result = await work(this.writes(staged));
      for (const apply of staged) apply();
      this.records.set(recordKey, { fingerprint, result: structuredClone(result) });
      return result;
    };
    const answered = this.queue.then(answer, answer);
    this.queue = answered.catch(() => undefined);
    return answered;
  }

  async listCharges(): Promise<SandboxCharge[]> {
    return [...this.charges.values()].map((charge) => structuredClone(charge));
  }

  private writes(staged: Array<() => void>): SandboxLedgerWrites {
    return {
      insertCharge: async (charge) => {
        const copy = structuredClone(charge);
        staged.push(() => this.charges.set(copy.providerChargeId, copy));
      },
      chargeForRefund: async (providerChargeId) => {
        const charge = this.charges.get(providerChargeId);
        return charge ? structuredClone(charge) : null;
      },
      insertRefund: async (refund) => {
        staged.push(() => {
          const charge = this.charges.get(refund.providerChargeId);
          if (charge) charge.refundedMinor += refund.amountMinor;
        });
      },
    };
  }
}
