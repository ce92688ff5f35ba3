import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import type { DataSource } from 'typeorm';
import type { PaymentConfig } from '../payment-config';
import { DEMO_PAYMENT_METHODS } from './demo-payment-methods';
import { PaymentMethodRecord } from './payment-method.entity';

/** With DEMO_DATA=true, inserts the demo cards on file at start; running it again changes nothing. */
@Injectable()
export class DemoPaymentMethodsSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoPaymentMethodsSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: PaymentConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PaymentMethodRecord)
      .values(DEMO_PAYMENT_METHODS.map((method) => ({ ...method, providerCustomerId: null, isDefault: true })))
      .orIgnore()
      .execute();
    this.logger.log(`demo cards on file present for customers ${DEMO_PAYMENT_METHODS.map((m) => m.customerId).join(', ')}`);
  }
}
