import { DataSource } from 'typeorm';
import { createPaymentProvider } from '../create-payment-provider';
import { loadPaymentProviderConfig } from '../payment-provider.config';

describe('loadPaymentProviderConfig', () => {
  it('defaults to the sandbox', () => {
    expect(loadPaymentProviderConfig({})).toEqual({ provider: 'sandbox' });
    // Built, never connected: the sandbox's ledger only queries when charging.
    const dataSource = new DataSource({ type: 'postgres', schema: 'payment' });
    expect(createPaymentProvider(loadPaymentProviderConfig({}), { dataSource }).name).toBe('sandbox');
  });

  it('refuses to build the sandbox without a database for its ledger', () => {
    expect(() => createPaymentProvider(loadPaymentProviderConfig({}))).toThrow(/DataSource/);
  });

  it('reads the stripe settings', () => {
    expect(
      loadPaymentProviderConfig({
        PAYMENT_PROVIDER: 'stripe',
        STRIPE_API_KEY: 'sk_test_1',
        STRIPE_API_BASE: 'http://127.0.0.1:12111',
        STRIPE_TIMEOUT_MS: '5000',
      }),
    ).toEqual({ provider: 'stripe', apiKey: 'sk_test_1', apiBase: 'http://127.0.0.1:12111', timeoutMs: 5000 });
  });

  it.each([
    [{ PAYMENT_PROVIDER: 'paypal' }, /PAYMENT_PROVIDER must be "sandbox" or "stripe"/],
    [{ PAYMENT_PROVIDER: 'stripe' }, /STRIPE_API_KEY is required/],
    [{ PAYMENT_PROVIDER: 'stripe', STRIPE_API_KEY: 'k', STRIPE_API_BASE: 'ftp://x' }, /STRIPE_API_BASE must be an http\(s\) URL/],
    [{ PAYMENT_PROVIDER: 'stripe', STRIPE_API_KEY: 'k', STRIPE_TIMEOUT_MS: '1.5' }, /STRIPE_TIMEOUT_MS must be a positive integer/],
  ])('names the bad variable for %j', (env, message) => {
    expect(() => loadPaymentProviderConfig(env)).toThrow(message);
  });
});
