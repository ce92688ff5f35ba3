import type { FactoryProvider } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import type { DataSource } from 'typeorm';
import type { PaymentConfig } from '../payment-config';
import { createPaymentProvider } from './create-payment-provider';
import type { PaymentProvider } from './payment-provider';
import { loadPaymentProviderConfig } from './payment-provider.config';
import { openSandboxDataSource } from './sandbox/sandbox-data-source';

/** Injection token of the service's PaymentProvider. */
export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

/** Builds the adapter from the validated service config (never from process.env directly). */
export const paymentProviderFactory: FactoryProvider<PaymentProvider> = {
  provide: PAYMENT_PROVIDER,
  inject: [SERVICE_CONFIG, getDataSourceToken()],
  useFactory: async (config: PaymentConfig, dataSource: DataSource) => {
    const providerConfig = loadPaymentProviderConfig({
      PAYMENT_PROVIDER: config.PAYMENT_PROVIDER,
      STRIPE_API_KEY: config.STRIPE_API_KEY,
      STRIPE_API_BASE: config.STRIPE_API_BASE,
      STRIPE_TIMEOUT_MS: config.STRIPE_TIMEOUT_MS,
    });
    // The sandbox's ledger gets a pool of its own (see openSandboxDataSource).
    const ledgerSource = providerConfig.provider === 'sandbox' ? await openSandboxDataSource(dataSource) : undefined;
    return createPaymentProvider(providerConfig, { dataSource: ledgerSource });
  },
};
