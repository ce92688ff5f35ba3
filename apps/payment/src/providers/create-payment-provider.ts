import type { DataSource } from 'typeorm';
import type { PaymentProvider } from './payment-provider';
import type { PaymentProviderConfig } from './payment-provider.config';
import { PostgresSandboxLedger } from './sandbox/postgres-sandbox-ledger';
import { SandboxPaymentProvider } from './sandbox/sandbox-payment-provider';
import { StripePaymentProvider } from './stripe/stripe-payment-provider';

export interface PaymentProviderDependencies {
  /** The service's; the sandbox keeps its ledger in a schema of its own there. Required for the sandbox. */
  dataSource?: DataSource;
}

export function createPaymentProvider(config: PaymentProviderConfig, dependencies: PaymentProviderDependencies = {}): PaymentProvider {
  switch (config.provider) {
    case 'sandbox':
      // No silent in-memory fallback: a sandbox that forgets its charges on restart would charge twice.
      if (!dependencies.dataSource) throw new Error('createPaymentProvider: the sandbox needs the service DataSource for its ledger');
      return new SandboxPaymentProvider({ ledger: new PostgresSandboxLedger(dependencies.dataSource) });
    case 'stripe':
      return new StripePaymentProvider({ apiKey: config.apiKey, apiBase: config.apiBase, timeoutMs: config.timeoutMs });
  }
}
