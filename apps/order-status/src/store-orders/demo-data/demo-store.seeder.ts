import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import type { DataSource } from 'typeorm';
import type { OrderStatusConfig } from '../../order-status-config';
import { insertStoreOrder } from '../store-order-seed';
import { hashStoreToken, tokenPrefix } from '../store-token';
import { DEMO_STORE_ORDERS, DEMO_STORES } from './demo-store-data';

/** With DEMO_DATA=true, inserts the demo stores, tokens and orders at start; existing rows are left as they are. */
@Injectable()
export class DemoStoreSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoStoreSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: OrderStatusConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    await this.dataSource.transaction(async (manager) => {
      const storeIds = new Map<string, number>();
      for (const store of DEMO_STORES) {
        const rows: Array<{ id: string }> = await manager.query(
          `INSERT INTO stores (name, currency) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
          [store.name, store.currency],
        );
        storeIds.set(store.name, Number(rows[0].id));
        await manager.query(
          `INSERT INTO store_api_tokens (store_id, token_sha256, token_prefix) VALUES ($1, $2, $3) ON CONFLICT (token_sha256) DO NOTHING`,
          [rows[0].id, hashStoreToken(store.token), tokenPrefix(store.token)],
        );
      }
      for (const order of DEMO_STORE_ORDERS) {
        const storeId = storeIds.get(order.storeName);
        if (storeId === undefined) throw new Error(`demo order ${order.number} names unknown store ${order.storeName}`);
        await insertStoreOrder(manager, { ...order, orderId: `demo-store-${order.number}`, storeId, currency: 'IDR', createdAt: new Date(order.createdAtUnix * 1000) });
      }
      // Explicit demo ids must not be handed out again by the identity.
      await manager.query(`SELECT setval(pg_get_serial_sequence('orders', 'store_order_id'), GREATEST((SELECT max(store_order_id) FROM orders), 1))`);
    });
    this.logger.log(`demo stores present: ${DEMO_STORES.map((store) => store.name).join(', ')}`);
  }
}
