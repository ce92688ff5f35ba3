import { ConfigValidationError, loadConfig, serviceDefaults } from '@order-platform/service-kit';
import { GatewayConfig } from '../../gateway-config';

const BASE = { KAFKA_BROKERS: '127.0.0.1:9092' };

function load(env: Record<string, string>): GatewayConfig {
  return loadConfig(GatewayConfig, { ...BASE, ...env }, serviceDefaults('gateway'));
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('GatewayConfig: ORDER_READS / ORDER_STATUS_URL / CART_URL', () => {
  const CART = { CART_URL: 'http://cart:3101' };

  it('reads orders over Kafka by default and needs no URL then', () => {
    const config = load({});
    expect(config.ORDER_READS).toBe('kafka');
    expect(config.ORDER_STATUS_URL).toBeUndefined();
    expect(config.CART_URL).toBeUndefined();
  });

  it('accepts http with order-status and cart URLs, any case, and drops trailing slashes', () => {
    const config = load({ ORDER_READS: 'HTTP', ORDER_STATUS_URL: 'http://order-status:3106/', CART_URL: 'http://cart:3101//' });
    expect(config.ORDER_READS).toBe('http');
    expect(config.ORDER_STATUS_URL).toBe('http://order-status:3106');
    expect(config.CART_URL).toBe('http://cart:3101');
    expect(load({ ORDER_READS: 'http', ORDER_STATUS_URL: 'https://127.0.0.1:3106', CART_URL: 'https://127.0.0.1:3101' })).toMatchObject({
      ORDER_STATUS_URL: 'https://127.0.0.1:3106',
      CART_URL: 'https://127.0.0.1:3101',
    });
  });

  it('refuses http without ORDER_STATUS_URL or CART_URL, naming each missing setting', () => {
    expect(problemsOf({ ORDER_READS: 'http', ...CART })).toEqual(['ORDER_STATUS_URL is required when ORDER_READS=http (e.g. http://order-status:3106)']);
    expect(problemsOf({ ORDER_READS: 'http', ORDER_STATUS_URL: 'http://order-status:3106' })).toEqual(['CART_URL is required when ORDER_READS=http (e.g. http://cart:3101)']);
    expect(problemsOf({ ORDER_READS: 'http' })).toEqual([
      'ORDER_STATUS_URL is required when ORDER_READS=http (e.g. http://order-status:3106)',
      'CART_URL is required when ORDER_READS=http (e.g. http://cart:3101)',
    ]);
  });

  it('refuses an unknown mode and a URL that is not http(s)', () => {
    expect(problemsOf({ ORDER_READS: 'grpc' })).toEqual(['ORDER_READS must be one of kafka, http']);
    expect(problemsOf({ ORDER_READS: 'http', ORDER_STATUS_URL: 'order-status:3106', ...CART })).toEqual([
      'ORDER_STATUS_URL must be an http(s):// URL such as http://order-status:3106',
    ]);
    expect(problemsOf({ ORDER_STATUS_URL: 'ftp://order-status' })).toEqual(['ORDER_STATUS_URL must be an http(s):// URL such as http://order-status:3106']);
    expect(problemsOf({ ORDER_READS: 'http', ORDER_STATUS_URL: 'http://order-status:3106', CART_URL: 'cart:3101' })).toEqual([
      'CART_URL must be an http(s):// URL such as http://cart:3101',
    ]);
    expect(problemsOf({ CART_URL: 'ftp://cart' })).toEqual(['CART_URL must be an http(s):// URL such as http://cart:3101']);
  });
});
