import { Commands } from '@order-platform/contracts';
import { type BrokerHandle, startBroker } from '@order-platform/kafka-broker';
import { CommandClientForTest, startServiceForTest, type StartedService } from '@order-platform/service-kit';
import { startTestPostgres, type TestDatabase, type TestPostgres } from '@order-platform/testing';
import { Client } from 'pg';
import type { CartConfig } from '../src/cart-config';
import { cartService } from '../src/cart.service-definition';
import { GroupOrderPlacementService } from '../src/group-orders/placement/group-order-placement.service';

export interface BenchCart {
  cart: StartedService<CartConfig> & { schema: string };
  placement: GroupOrderPlacementService;
  /** Sends JoinGroupOrder the way the gateway does (request-reply over the broker). */
  commands: CommandClientForTest;
  /** The bench's own connection (seeding and observing), outside the cart's pool. */
  sql: Client;
  postgres: { source: string; serverVersion: string };
  stop(): Promise<void>;
}

/**
 * The cart in this process, as the integration tests run it: real PostgreSQL (DATABASE_URL,
 * else what @order-platform/testing picks) in a throwaway database, the project's embedded
 * broker in memory, the controllable clock, quiet logs.
 */
export async function startBenchCart(timerPollMs: number): Promise<BenchCart> {
  const stops: Array<() => Promise<unknown>> = [];
  // Last started, first stopped; a second call (Ctrl-C during the finally) finds nothing left.
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const broker: BrokerHandle = await startBroker({ host: '127.0.0.1', port: 0 });
    stops.push(() => broker.close());
    const postgres: TestPostgres = await startTestPostgres();
    stops.push(() => postgres.stop());
    const database: TestDatabase = await postgres.createDatabase('bench_group_orders');
    stops.push(() => database.drop());
    const cart = await startServiceForTest(cartService, { brokers: [broker.address], databaseUrl: database.url }, {
      GROUP_ORDER_CLOCK: 'controllable',
      GROUP_ORDER_TIMER_POLL_MS: String(timerPollMs),
    });
    stops.push(() => cart.close());
    const commands = await CommandClientForTest.connect([broker.address], [Commands.GroupOrders.JoinGroupOrder]);
    stops.push(() => commands.close());
    const sql = new Client({ connectionString: database.url, application_name: 'group-orders-bench' });
    await sql.connect();
    stops.push(() => sql.end());
    await sql.query(`SET search_path TO "${cart.schema}"`);
    const version = (await sql.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    return {
      cart,
      placement: cart.app.get(GroupOrderPlacementService),
      commands,
      sql,
      postgres: { source: postgres.source, serverVersion: version },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
