import { Topics } from '@order-platform/contracts';
import type { BenchCart } from './bench-cart';
import { type BenchRestaurants, type CustomerRotation, memberBody, openGroup, successful } from './bench-data';
import { round2 } from './latency';

// The shortest FoodRush a customer may choose (GROUP_ORDER_MIN_FOODRUSH_MINUTES) and a step just past it.
const CLOSE_FOODRUSH_MINUTES = 5;
const ADVANCE_TO_CLOSE_MINUTES = 6;
// Past endingAt (closedAt + GROUP_ORDER_CONFIRMATION_MINUTES): the END timer fires, nothing stays due.
const ADVANCE_TO_SETTLE_MINUTES = 30;
const JOINERS_WHILE_FILLING = 4;
const OBSERVE_EVERY_MS = 2;

export interface CloseSample {
  groupOrderId: string;
  members: number;
  /** POST /test-clock/advance sent -> the group's M CartUpdated rows visible in the outbox. */
  totalMs: number;
  /** The advance request itself (stores the new clock offset). */
  advanceMs: number;
  /** advance sent -> the poller's claiming transaction began (outbox created_at = its now()). */
  claimAfterMs: number;
  /** That transaction's start -> its rows seen committed (an upper bound: includes the observation step). */
  transactionMs: number;
}

export interface Drain {
  advancedMinutes: number;
  groupsClosed: number;
  membersClosed: number;
  cartUpdatedWritten: number;
  elapsedMs: number;
}

/** Times group closes by the cart's own timer poller, driven by its controllable clock. */
export class GroupClose {
  constructor(
    private readonly bench: BenchCart,
    private readonly restaurants: BenchRestaurants,
    private readonly customers: CustomerRotation,
  ) {}

  /**
   * Moves the clock `minutes` on and waits until no timer is left unfired (CLOSE, then the END
   * each close schedules): the groups of the join runs must not close during a timed sample.
   */
  async drain(minutes: number, timeoutMs: number): Promise<Drain> {
    const before = await this.counts();
    const started = performance.now();
    await this.advance(minutes);
    await this.waitFor(async () => (await this.bench.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM group_order_timers WHERE fired_at IS NULL`)).rows[0].n === 0, timeoutMs, 'every timer fired');
    const elapsedMs = performance.now() - started;
    const after = await this.counts();
    return {
      advancedMinutes: minutes,
      groupsClosed: after.closedGroups - before.closedGroups,
      membersClosed: after.closedMembers - before.closedMembers,
      cartUpdatedWritten: after.cartUpdated - before.cartUpdated,
      elapsedMs: Math.round(elapsedMs),
    };
  }

  /** A fresh group of `members` (one item each), closed by moving the clock past its closedAt. */
  async sample(members: number, timeoutMs: number): Promise<CloseSample> {
    const restaurant = await this.restaurants.create(`close M=${members}`);
    const groupOrderId = await openGroup(this.bench.placement, restaurant, this.customers.take(), CLOSE_FOODRUSH_MINUTES);
    let joined = 1;
    const joiner = async () => {
      while (joined < members) {
        joined += 1;
        const reply = await this.bench.placement.join({ requester: { role: 'CUSTOMER_APP', customerId: this.customers.take() }, groupOrderId, body: memberBody(restaurant) });
        successful(reply, `fill group ${groupOrderId}`);
      }
    };
    await Promise.all(Array.from({ length: JOINERS_WHILE_FILLING }, joiner));

    const sentAtWall = Date.now();
    const sent = performance.now();
    await this.advance(ADVANCE_TO_CLOSE_MINUTES);
    const advanceMs = performance.now() - sent;
    // The close writes the group's status, member orders and every CartUpdated in one
    // transaction, so the first committed row means all are: watch the group row (a key lookup),
    // then check the outbox.
    await this.waitFor(
      async () => (await this.bench.sql.query<{ status: string }>(`SELECT status FROM group_orders WHERE id = $1`, [groupOrderId])).rows[0].status !== 'OPEN',
      timeoutMs,
      `group ${groupOrderId} closed`,
    );
    const totalMs = performance.now() - sent;
    const seenAtWall = Date.now();
    const { rows } = await this.bench.sql.query<{ n: number; began: Date }>(
      `SELECT count(*)::int AS n, min(created_at) AS began FROM outbox WHERE topic = $1 AND payload->'payload'->>'deliveryRoundId' = $2`,
      [Topics.CartUpdated, groupOrderId],
    );
    if (rows[0].n !== members) throw new Error(`group ${groupOrderId}: ${rows[0].n} CartUpdated in the outbox for ${members} members`);
    const began = rows[0].began.getTime();

    await this.drain(ADVANCE_TO_SETTLE_MINUTES, timeoutMs);
    return {
      groupOrderId,
      members,
      totalMs: round2(totalMs),
      advanceMs: round2(advanceMs),
      claimAfterMs: Math.max(0, began - sentAtWall),
      transactionMs: Math.max(0, seenAtWall - began),
    };
  }

  private async advance(minutes: number): Promise<void> {
    const response = await fetch(`${this.bench.cart.url}/test-clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ minutes }),
    });
    if (response.status !== 200) throw new Error(`POST /test-clock/advance answered ${response.status}: ${await response.text()}`);
  }

  private async counts(): Promise<{ closedGroups: number; closedMembers: number; cartUpdated: number }> {
    const { rows } = await this.bench.sql.query<{ closed_groups: number; closed_members: number; cart_updated: number }>(
      `SELECT (SELECT count(*)::int FROM group_orders WHERE status <> 'OPEN') AS closed_groups,
              (SELECT count(*)::int FROM group_member_orders m JOIN group_orders g ON g.id = m.group_order_id WHERE g.status <> 'OPEN') AS closed_members,
              (SELECT count(*)::int FROM outbox WHERE topic = $1) AS cart_updated`,
      [Topics.CartUpdated],
    );
    return { closedGroups: rows[0].closed_groups, closedMembers: rows[0].closed_members, cartUpdated: rows[0].cart_updated };
  }

  private async waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!(await check())) {
      if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, OBSERVE_EVERY_MS));
    }
  }
}
