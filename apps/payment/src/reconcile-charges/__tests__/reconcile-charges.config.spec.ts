import { loadConfig } from '@order-platform/service-kit';
import { PaymentConfig } from '../../payment-config';
import { reconcileChargesOptionsOf } from '../reconcile-charges.options';

const REQUIRED = {
  HTTP_PORT: '3103',
  KAFKA_BROKERS: '127.0.0.1:9092',
  KAFKA_CLIENT_ID: 'payment',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  DATABASE_SCHEMA: 'payment',
};

const load = (env: Record<string, string> = {}) => loadConfig(PaymentConfig, { ...REQUIRED, ...env });

describe('PaymentConfig: reconciliation of charges left attempting', () => {
  it('defaults to a sweep every 30 s of charges attempting for 2 min, backing off up to 10 min', () => {
    expect(reconcileChargesOptionsOf(load())).toEqual({ intervalMs: 30_000, afterMs: 120_000, maxBackoffMs: 600_000 });
  });

  it('reads every setting; 0 turns the sweep off', () => {
    expect(
      reconcileChargesOptionsOf(load({ PAYMENT_RECONCILE_INTERVAL_MS: '5000', PAYMENT_RECONCILE_AFTER_MS: '60000', PAYMENT_RECONCILE_MAX_BACKOFF_MS: '3600000' })),
    ).toEqual({ intervalMs: 5000, afterMs: 60_000, maxBackoffMs: 3_600_000 });
    expect(load({ PAYMENT_RECONCILE_INTERVAL_MS: '0' }).PAYMENT_RECONCILE_INTERVAL_MS).toBe(0);
  });

  it.each([
    [{ PAYMENT_RECONCILE_INTERVAL_MS: '50' }, /PAYMENT_RECONCILE_INTERVAL_MS must be 0 \(off\) or a whole number of milliseconds 100-3600000/],
    [{ PAYMENT_RECONCILE_INTERVAL_MS: '-1' }, /PAYMENT_RECONCILE_INTERVAL_MS must be 0 \(off\)/],
    [{ PAYMENT_RECONCILE_INTERVAL_MS: 'often' }, /PAYMENT_RECONCILE_INTERVAL_MS must be 0 \(off\)/],
    [{ PAYMENT_RECONCILE_INTERVAL_MS: '1500.5' }, /PAYMENT_RECONCILE_INTERVAL_MS must be 0 \(off\)/],
    [{ PAYMENT_RECONCILE_INTERVAL_MS: '3600001' }, /PAYMENT_RECONCILE_INTERVAL_MS must be 0 \(off\)/],
    [{ PAYMENT_RECONCILE_AFTER_MS: '0' }, /PAYMENT_RECONCILE_AFTER_MS must be a whole number of milliseconds 1000-604800000/],
    [{ PAYMENT_RECONCILE_AFTER_MS: '2m' }, /PAYMENT_RECONCILE_AFTER_MS must be a whole number of milliseconds/],
    [{ PAYMENT_RECONCILE_MAX_BACKOFF_MS: '999' }, /PAYMENT_RECONCILE_MAX_BACKOFF_MS must be a whole number of milliseconds 1000-86400000/],
    [{ PAYMENT_RECONCILE_MAX_BACKOFF_MS: '86400001' }, /PAYMENT_RECONCILE_MAX_BACKOFF_MS must be a whole number of milliseconds/],
  ])('names the bad variable for %j', (env, message) => {
    expect(() => load(env)).toThrow(message);
  });
});
