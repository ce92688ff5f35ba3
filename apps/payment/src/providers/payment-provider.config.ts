export type PaymentProviderConfig =
  | { provider: 'sandbox' }
  | { provider: 'stripe'; apiKey: string; apiBase?: string; timeoutMs: number };

export class PaymentProviderConfigError extends Error {
  override readonly name = 'PaymentProviderConfigError';
}

const DEFAULT_STRIPE_TIMEOUT_MS = 30_000;

/**
 * Reads PAYMENT_PROVIDER (sandbox | stripe, default sandbox), STRIPE_API_KEY (required for
 * stripe), STRIPE_API_BASE (optional http(s) URL) and STRIPE_TIMEOUT_MS (optional).
 * Errors name the variable, like the rest of the service configuration.
 */
export function loadPaymentProviderConfig(env: NodeJS.ProcessEnv = process.env): PaymentProviderConfig {
  const provider = (env['PAYMENT_PROVIDER'] ?? 'sandbox').trim().toLowerCase();
  if (provider === 'sandbox') return { provider: 'sandbox' };
  if (provider !== 'stripe') {
    throw new PaymentProviderConfigError(`Invalid configuration: PAYMENT_PROVIDER must be "sandbox" or "stripe", got "${provider}"`);
  }

  const apiKey = env['STRIPE_API_KEY']?.trim();
  if (!apiKey) {
    throw new PaymentProviderConfigError('Invalid configuration: STRIPE_API_KEY is required when PAYMENT_PROVIDER=stripe');
  }
  const config: PaymentProviderConfig = { provider: 'stripe', apiKey, timeoutMs: DEFAULT_STRIPE_TIMEOUT_MS };

  const apiBase = env['STRIPE_API_BASE']?.trim();
  if (apiBase) {
    if (!/^https?:\/\/[^/\s]+\/?$/.test(apiBase)) {
      throw new PaymentProviderConfigError(
        `Invalid configuration: STRIPE_API_BASE must be an http(s) URL with host and optional port, got "${apiBase}"`,
      );
    }
    config.apiBase = apiBase;
  }

  const timeout = env['STRIPE_TIMEOUT_MS']?.trim();
  if (timeout) {
    if (!/^\d+$/.test(timeout) || Number(timeout) < 1) {
      throw new PaymentProviderConfigError(`Invalid configuration: STRIPE_TIMEOUT_MS must be a positive integer, got "${timeout}"`);
    }
    config.timeoutMs = Number(timeout);
  }
  return config;
}
