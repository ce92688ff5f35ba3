import type { PaymentProvider } from './payment-provider';
import type { PaymentProviderConfig } from './payment-provider.config';
import { SandboxPaymentProvider } from './sandbox/sandbox-payment-provider';
import { StripePaymentProvider } from './stripe/stripe-payment-provider';

export function createPaymentProvider(config: PaymentProviderConfig): PaymentProvider {
  switch (config.provider) {
    case 'sandbox':
      return new SandboxPaymentProvider();
    case 'stripe':
      return new StripePaymentProvider({ apiKey: config.apiKey, apiBase: config.apiBase, timeoutMs: config.timeoutMs });
  }
}
