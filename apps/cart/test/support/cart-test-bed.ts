import { ServiceTestBed } from '@order-platform/service-kit';
import type { Client } from 'pg';
import { cartService } from '../../src/cart.service-definition';

/**
 * The cart service in this process on real PostgreSQL and Kafka. The cart specs query its
 * tables by their bare names, so `client` is the bed's connection with search_path on the schema.
 */
export class CartTestBed extends ServiceTestBed {
  static async start(database: string, env: Record<string, string> = {}): Promise<CartTestBed> {
    const bed = await super.setUp({ definition: cartService, database, env, inboxConsumer: 'cart', handledTimeoutMs: 30_000 }, (parts) => new CartTestBed(parts));
    try {
      await bed.client.query(`SET search_path TO "${bed.sql.schema}"`);
    } catch (error) {
      await bed.stop();
      throw error;
    }
    return bed;
  }

  get client(): Client {
    return this.sql.client;
  }
}
