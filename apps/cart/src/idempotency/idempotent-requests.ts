import { Inject, Injectable } from '@nestjs/common';
import { CommandErrorCodes, type CommandReply, GroupOrderErrorKeys, replyError } from '@order-platform/contracts';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { CartConfig } from '../cart-config';

/** One request carrying an Idempotency-Key: whose it is, what it does, and what exactly it asked. */
export interface IdempotentRequest {
  key: string;
  /** `customer 5`, `restaurant 9`: another caller may use the same key string. */
  requester: string;
  /** The command, e.g. `group-join`: a key answers only the operation it was first used for. */
  operation: string;
  /** requestFingerprint of the body and the route's ids. */
  fingerprint: string;
}

export interface PlaceOnce<T> {
  /** Places the order; a refusal (not ok) records nothing. */
  place: () => Promise<CommandReply<T>>;
  orderIdOf: (placed: T) => string;
  /** The order's current view, answered to a repeat. */
  replay: (orderId: string) => Promise<CommandReply<T>>;
}

/** The reply to a key already used for a different request (the customer-app and FoodRush shape). */
export function idempotencyKeyReused(key: string): CommandReply<never> {
  return replyError(CommandErrorCodes.Unprocessable, `The Idempotency-Key ${key} was already used for a different request.`, {
    errorKey: GroupOrderErrorKeys.IdempotencyKeyReused,
  });
}

/**
 * Order creation under an Idempotency-Key, inside the caller's transaction. The key's row is
 * inserted before anything else: a concurrent request with the same key waits on the primary key
 * until this transaction ends, then finds the order (or, after a refusal, nothing and places its
 * own). Row and order commit together, so a crash leaves both or neither.
 */
@Injectable()
export class IdempotentRequests {
  private readonly ttlHours: number;

  constructor(
    @Inject(SERVICE_CONFIG) config: CartConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.ttlHours = Number(config.CART_IDEMPOTENCY_TTL_HOURS);
  }

  /** Deletes the records of keys past the TTL; returns how many. */
  async purgeExpired(): Promise<number> {
    const [, count] = (await this.dataSource.query(`DELETE FROM idempotent_requests WHERE created_at <= now() - make_interval(hours => $1)`, [this.ttlHours])) as [unknown, number];
    return count;
  }

  async placeOnce<T>(manager: EntityManager, request: IdempotentRequest | undefined, steps: PlaceOnce<T>): Promise<CommandReply<T>> {
    if (!request) return steps.place();
    const ids = [request.requester, request.operation, request.key];
    // An expired row is taken over as if it were absent.
    const claimed: unknown[] = await manager.query(
      `INSERT INTO idempotent_requests (requester, operation, key, fingerprint) VALUES ($1, $2, $3, $4)
       ON CONFLICT (requester, operation, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, order_id = NULL, created_at = now()
         WHERE idempotent_requests.created_at <= now() - make_interval(hours => $5)
       RETURNING 1`,
      [...ids, request.fingerprint, this.ttlHours],
    );
    if (claimed.length === 0) {
      const rows: Array<{ fingerprint: string; order_id: string | null }> = await manager.query(
        `SELECT fingerprint, order_id FROM idempotent_requests WHERE requester = $1 AND operation = $2 AND key = $3`,
        ids,
      );
      const first = rows[0];
      if (!first?.order_id) throw new Error(`Idempotency-Key ${request.key} of ${request.requester} has no order`);
      return first.fingerprint === request.fingerprint ? steps.replay(first.order_id) : idempotencyKeyReused(request.key);
    }

    const reply = await steps.place();
    if (reply.ok) {
      await manager.query(`UPDATE idempotent_requests SET order_id = $4 WHERE requester = $1 AND operation = $2 AND key = $3`, [...ids, steps.orderIdOf(reply.data)]);
    } else {
      // Refused: the client may correct the request and retry with the same key.
      await manager.query(`DELETE FROM idempotent_requests WHERE requester = $1 AND operation = $2 AND key = $3`, ids);
    }
    return reply;
  }
}
