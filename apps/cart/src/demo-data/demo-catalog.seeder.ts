import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import { DataSource } from 'typeorm';
import { Customer } from '../catalog/customer.entity';
import { Product } from '../catalog/product.entity';
import type { CartConfig } from '../cart-config';

export const DEMO_PRODUCTS: Array<Pick<Product, 'id' | 'name' | 'unitPriceMinor' | 'currency'>> = [
  { id: '1234', name: 'Demo product 1234', unitPriceMinor: 5000, currency: 'USD' },
  { id: '2345', name: 'Demo product 2345', unitPriceMinor: 10000, currency: 'USD' },
];

const demoCustomer = (id: string, name: string, email: string, phone: string, street: string, city: string, postalCode: string): Customer => ({
  id,
  name,
  email,
  phone,
  shippingAddress: `${street} ${city}`,
  shippingPostalAddress: { name, street, city, postalCode, country: 'US', phone },
});

/**
 * 8080 pays with a card that succeeds; the payment service's demo cards make 8081 declined and
 * 8082 short of funds (apps/payment/README.md), so both failure paths can be tried by hand.
 */
export const DEMO_CUSTOMERS: Customer[] = [
  {
    id: '8080',
    name: 'Lital Hay',
    email: 'lital@example.com',
    phone: '0545870006',
    shippingAddress: '17 boulevard, 123 apt 6 Brooklyn NY',
    shippingPostalAddress: {
      name: 'Lital Hay',
      street: '17 boulevard, 123 apt 6',
      city: 'Brooklyn NY',
      postalCode: '11201',
      country: 'US',
      phone: '0545870006',
    },
  },
  demoCustomer('8081', 'Dana Levi', 'dana@example.com', '0545870007', '20 Park Place, apt 2', 'Brooklyn NY', '11217'),
  demoCustomer('8082', 'Noam Katz', 'noam@example.com', '0545870008', '5 Ocean Ave', 'Brooklyn NY', '11225'),
];

/** With DEMO_DATA=true, upserts the demo catalog at start; running it again changes nothing. */
@Injectable()
export class DemoCatalogSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoCatalogSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: CartConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(Product)
        .values(DEMO_PRODUCTS.map((p) => ({ ...p, active: true })))
        .orIgnore()
        .execute();
      // Upsert: a database seeded before customers had contact details gets them now.
      await manager
        .createQueryBuilder()
        .insert()
        .into(Customer)
        .values(DEMO_CUSTOMERS)
        .orUpdate(['name', 'email', 'phone', 'shipping_address', 'shipping_postal_address'], ['id'])
        .execute();
    });
    this.logger.log(`demo catalog present: products ${DEMO_PRODUCTS.map((p) => p.id).join(', ')}`);
  }
}
