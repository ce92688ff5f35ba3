import { type CommandReply, Commands, groupOrderKey, type GroupMemberOrderView } from '@order-platform/contracts';
import type { BenchCart } from './bench-cart';
import { type BenchRestaurant, type BenchRestaurants, type CustomerRotation, memberBody, openGroup } from './bench-data';
import { type LatencySummary, round2, summarize } from './latency';

/**
 * service: GroupOrderPlacementService.join called in the cart process (what the command handler
 * runs, without the transport): C joiners really race for the group row lock.
 * command: JoinGroupOrder over the broker, keyed group-order-<id> like the gateway sends it.
 */
export type JoinPath = 'service' | 'command';
/** one-group: every joiner races for one group row. spread: joins go round the groups in turn. */
export type JoinTarget = 'one-group' | 'spread';

export interface JoinRun {
  path: JoinPath;
  target: JoinTarget;
  concurrency: number;
  groups: number;
  issued: number;
  completed: number;
  failed: number;
  firstErrors: string[];
  elapsedMs: number;
  joinsPerSecond: number;
  /** Throughput over each fifth of the completed joins, in order: shows a slowdown as groups grow. */
  joinsPerSecondByFifth: number[];
  latency: LatencySummary;
  /** Members of the biggest group at the end: each join reprices every member of its group. */
  largestGroupMembers: number;
}

interface JoinGroup {
  groupOrderId: string;
  restaurant: BenchRestaurant;
}

type Join = (group: JoinGroup, customerId: string) => Promise<CommandReply<GroupMemberOrderView>>;

// Long enough that no group closes during the join runs; the close phase moves the clock past it.
export const JOIN_RUN_FOODRUSH_MINUTES = 60;

export class JoinLoad {
  constructor(
    private readonly bench: BenchCart,
    private readonly restaurants: BenchRestaurants,
    private readonly customers: CustomerRotation,
  ) {}

  /** Fresh groups for each run, so every run starts from groups of one member. */
  async run(path: JoinPath, target: JoinTarget, concurrency: number, joins: number, spreadGroups: number, budgetMs: number): Promise<JoinRun> {
    const groups = await this.openGroups(target === 'one-group' ? 1 : spreadGroups, `${path} ${target} C=${concurrency}`);
    const join = this.joinOver(path);
    const latencies: number[] = [];
    const completedAt: number[] = [];
    const errors: string[] = [];
    let issued = 0;
    const started = performance.now();
    const worker = async () => {
      while (issued < joins && performance.now() - started < budgetMs) {
        const group = groups[issued % groups.length];
        issued += 1;
        const customerId = this.customers.take();
        const sent = performance.now();
        try {
          const reply = await join(group, customerId);
          if (reply.ok) {
            completedAt.push(performance.now());
            latencies.push(completedAt[completedAt.length - 1] - sent);
          } else errors.push(`${reply.error.code}: ${reply.error.message}`);
        } catch (error) {
          errors.push((error as Error).message);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const elapsedMs = performance.now() - started;
    return {
      path,
      target,
      concurrency,
      groups: groups.length,
      issued,
      completed: latencies.length,
      failed: errors.length,
      firstErrors: errors.slice(0, 3),
      elapsedMs: Math.round(elapsedMs),
      joinsPerSecond: round2(latencies.length / (elapsedMs / 1000)),
      joinsPerSecondByFifth: ratesByFifth(completedAt, started),
      latency: summarize(latencies),
      largestGroupMembers: await this.largestGroup(groups),
    };
  }

  private joinOver(path: JoinPath): Join {
    const request = (group: JoinGroup, customerId: string) => ({
      requester: { role: 'CUSTOMER_APP' as const, customerId },
      groupOrderId: group.groupOrderId,
      body: memberBody(group.restaurant),
    });
    if (path === 'service') return (group, customerId) => this.bench.placement.join(request(group, customerId));
    return (group, customerId) =>
      this.bench.commands.send<CommandReply<GroupMemberOrderView>>(Commands.GroupOrders.JoinGroupOrder, request(group, customerId), groupOrderKey(group.groupOrderId), 30_000);
  }

  private async openGroups(count: number, label: string): Promise<JoinGroup[]> {
    const groups: JoinGroup[] = [];
    for (let index = 0; index < count; index++) {
      const restaurant = await this.restaurants.create(label);
      groups.push({ restaurant, groupOrderId: await openGroup(this.bench.placement, restaurant, this.customers.take(), JOIN_RUN_FOODRUSH_MINUTES) });
    }
    return groups;
  }

  private async largestGroup(groups: JoinGroup[]): Promise<number> {
    const { rows } = await this.bench.sql.query<{ members: number }>(
      `SELECT coalesce(max(n), 0)::int AS members FROM (SELECT count(*) AS n FROM group_member_orders WHERE group_order_id = ANY($1::bigint[]) GROUP BY group_order_id) AS sizes`,
      [groups.map((group) => group.groupOrderId)],
    );
    return rows[0].members;
  }
}

/** Joins per second over each fifth of the completions (each fifth timed from the previous one's end). */
function ratesByFifth(completedAt: number[], started: number): number[] {
  const rates: number[] = [];
  let from = started;
  let done = 0;
  for (let fifth = 1; fifth <= 5; fifth++) {
    const upTo = Math.round((completedAt.length * fifth) / 5);
    if (upTo === done) continue;
    const until = completedAt[upTo - 1];
    rates.push(round2((upTo - done) / ((until - from) / 1000)));
    from = until;
    done = upTo;
  }
  return rates;
}
