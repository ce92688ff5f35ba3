import { ConfigValidationError, loadConfig } from '@order-platform/service-kit';
import { CartConfig } from '../../cart-config';

const REQUIRED = { HTTP_PORT: '3101', KAFKA_BROKERS: 'localhost:9092', KAFKA_CLIENT_ID: 'cart', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', DATABASE_SCHEMA: 'cart' };

describe('CART_IDEMPOTENCY_TTL_HOURS', () => {
  it('defaults to 24 hours and takes a whole number of hours', () => {
    expect(loadConfig(CartConfig, REQUIRED).CART_IDEMPOTENCY_TTL_HOURS).toBe('24');
    expect(loadConfig(CartConfig, { ...REQUIRED, CART_IDEMPOTENCY_TTL_HOURS: '72' }).CART_IDEMPOTENCY_TTL_HOURS).toBe('72');
  });

  it.each(['0', '-1', '1.5', '24h', '123456'])('refuses %p, naming the variable', (value) => {
    expect(() => loadConfig(CartConfig, { ...REQUIRED, CART_IDEMPOTENCY_TTL_HOURS: value })).toThrow(ConfigValidationError);
    expect(() => loadConfig(CartConfig, { ...REQUIRED, CART_IDEMPOTENCY_TTL_HOURS: value })).toThrow(/CART_IDEMPOTENCY_TTL_HOURS must be a whole number of hours/);
  });
});
