import type { FactoryProvider } from '@nestjs/common';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import type { PaymentConfig } from '../payment-config';
import { createPaymentProvider } from './create-payment-provider';
import type { PaymentProvider } from './payment-provider';
import { loadPaymentProviderConfig } from './payment-provider.config';

/** Injection token of the service's PaymentProvider. */
export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

/** Builds the adapter from the validated service config (never from process.env directly). */
export const paymentProviderFactory: FactoryProvider<PaymentProvider> = {
  provide: PAYMENT_PROVIDER,
  inject: [SERVICE_CONFIG],
  useFactory: (config: PaymentConfig) =>
    createPaymentProvider(
      loadPaymentProviderConfig({
        PAYMENT_PROVIDER: config.PAYMENT_PROVIDER,
        STRIPE_API_KEY: config.STRIPE_API_KEY,
        STRIPE_API_BASE: config.STRIPE_API_BASE,
        STRIPE_TIMEOUT_MS: config.STRIPE_TIMEOUT_MS,
      }),
    ),
};
