import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import type { DataSource } from 'typeorm';
import type { CartConfig } from '../../cart-config';
import { seedGroupOrderDemo } from '../../group-orders/demo-data/seed-group-order-demo';
import { hashPassword } from '../auth/password-hash';
import { DEMO_APP_CUSTOMERS, DEMO_APP_USERS, DEMO_COUPONS, DEMO_RESTAURANT_PRODUCTS, DEMO_RESTAURANTS } from './demo-customer-app-data';

/** With DEMO_DATA=true, inserts the demo app users, restaurants, menus and coupons once. */
@Injectable()
export class DemoCustomerAppSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoCustomerAppSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: CartConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    const hashes = await Promise.all(DEMO_APP_USERS.map((user) => hashPassword(user.password)));
    await this.dataSource.transaction(async (manager) => {
      for (const c of DEMO_APP_CUSTOMERS) {
        await manager.query(
          `INSERT INTO customers (id, name, email, phone, shipping_address, first_name, last_name, activated) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (id) DO NOTHING`,
          [c.id, c.name, c.email, c.phone, c.shippingAddress, c.firstName, c.lastName, c.activated],
        );
        // A database seeded before group orders gets the names they need, once.
        if (c.firstName !== null) {
          await manager.query(`UPDATE customers SET first_name = $2, last_name = $3 WHERE id = $1 AND first_name IS NULL AND last_name IS NULL`, [c.id, c.firstName, c.lastName]);
        }
      }
      for (const r of DEMO_RESTAURANTS) {
        await manager.query(`INSERT INTO restaurants (id, name, currency) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [r.id, r.name, r.currency]);
      }
      for (const p of DEMO_RESTAURANT_PRODUCTS) {
        await manager.query(`INSERT INTO restaurant_products (restaurant_id, id, name, unit_price_minor) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
          p.restaurantId, p.id, p.name, p.unitPriceMinor,
        ]);
      }
      await seedGroupOrderDemo(manager);
      for (const [index, u] of DEMO_APP_USERS.entries()) {
        await manager.query(
          `INSERT INTO app_users (username, password_hash, role, customer_id, restaurant_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING`,
          [u.username, hashes[index], u.role, u.customerId ?? null, u.restaurantId ?? null],
        );
      }
      for (const c of DEMO_COUPONS) {
        await manager.query(
          `INSERT INTO coupons (code, kind, percent_off, amount_off_minor, currency, minimum_minor, valid_from, valid_until)
           VALUES ($1, $2, $3, $4, 'USD', $5, $6, $7) ON CONFLICT (code) DO NOTHING`,
          [c.code, c.kind, c.percentOff, c.amountOffMinor, c.minimumMinor, c.validFrom, c.validUntil],
        );
      }
    });
    this.logger.log('demo customer-app users, restaurants and coupons ready');
  }
}
