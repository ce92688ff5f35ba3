import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import { DataSource } from 'typeorm';
import type { CartConfig } from '../../cart-config';
import { apiKeyPrefix } from '../api-keys/new-api-key';
import { hashApiKey } from '../customers/api-key-hash';
import { schemaOf } from '../orders/wholesale-order.repository';
import { CARRIAGE_PRODUCT_CODE, DEMO_TRADE_CUSTOMER, DEMO_WHOLESALE_PRODUCTS } from './demo-wholesale-data';

/** With DEMO_DATA=true, inserts the demo wholesale catalogue and trade customer; running it again changes nothing. */
@Injectable()
export class DemoWholesaleSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoWholesaleSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: CartConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    await this.dataSource.transaction(async (manager) => {
      const s = schemaOf(manager);
      for (const product of DEMO_WHOLESALE_PRODUCTS) {
        await manager.query(
          `INSERT INTO ${s}.wholesale_products (code, type, description, vat_code, vat_rate_bp, unit_price_e4, unit_weight_g, orderable)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING`,
          [
            product.code,
            product.type,
            product.description,
            product.vatCode,
            product.vatRateBasisPoints,
            product.unitPriceTenThousandths,
            product.unitWeightGrams,
            product.code !== CARRIAGE_PRODUCT_CODE,
          ],
        );
      }
      const customer = DEMO_TRADE_CUSTOMER;
      await manager.query(
        `INSERT INTO ${s}.trade_customers (id, company_name, contact_name, email, phone, payment_terms)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
        [customer.id, customer.companyName, customer.contactName, customer.email, customer.phone, customer.paymentTerms],
      );
      // A demo key revoked or rotated by an operator stays so; one seeded before keys had prefixes gets its prefix.
      await manager.query(
        `INSERT INTO ${s}.trade_customer_api_keys (customer_id, key_sha256, key_prefix) VALUES ($1, $2, $3)
         ON CONFLICT (key_sha256) DO UPDATE SET key_prefix = COALESCE(trade_customer_api_keys.key_prefix, EXCLUDED.key_prefix)`,
        [customer.id, hashApiKey(customer.apiKey), apiKeyPrefix(customer.apiKey)],
      );
    });
    this.logger.log(`demo wholesale catalogue present: ${DEMO_WHOLESALE_PRODUCTS.map((p) => p.code).join(', ')}; trade customer ${DEMO_TRADE_CUSTOMER.id}`);
  }
}
