import type { EntityManager } from 'typeorm';

/**
 * Held until the transaction ends. The charge path takes it before it decides to charge an
 * order's invoice and again before it records the provider's answer, the cancellation before
 * it looks at the order's charges, so the two never decide on stale facts: the cancellation is
 * recorded when the claim looks (declined) or when the settle step looks (captured, refunded
 * there), or the charge is final when the cancellation looks (captured, refunded there).
 * The key names payment: services may share one database, where advisory locks are global.
 */
export async function lockOrder(manager: EntityManager, orderId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`payment.order:${orderId}`]);
}
