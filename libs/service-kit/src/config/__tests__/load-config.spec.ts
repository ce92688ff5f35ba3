import { ConfigValidationError } from '../config-validation.error';
import { loadConfig } from '../load-config';
import { DatabaseServiceConfig, ServiceConfig } from '../service-config';
import { serviceDefaults } from '../service-defaults';

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('loadConfig', () => {
  const validEnv = { KAFKA_BROKERS: '127.0.0.1:9092', DATABASE_URL: 'postgres://root@127.0.0.1:5432/test' };

  it('applies service defaults and converts types', () => {
    const config = loadConfig(DatabaseServiceConfig, validEnv, serviceDefaults('order-status'));
    expect(config.HTTP_PORT).toBe(3106);
    expect(config.HTTP_HOST).toBe('0.0.0.0');
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092']);
    expect(config.KAFKA_CLIENT_ID).toBe('order-status');
    expect(config.DATABASE_SCHEMA).toBe('order_status');
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(10000);
    expect(config.DEMO_DATA).toBe(false);
  });

  it('lets the environment override defaults', () => {
    const config = loadConfig(
      DatabaseServiceConfig,
      { ...validEnv, HTTP_PORT: '0', KAFKA_BROKERS: 'a:1, b:2', DEMO_DATA: 'true', LOG_PRETTY: 'false', SHUTDOWN_TIMEOUT_MS: '5000' },
      serviceDefaults('cart'),
    );
    expect(config.HTTP_PORT).toBe(0);
    expect(config.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.DEMO_DATA).toBe(true);
    expect(config.LOG_PRETTY).toBe(false);
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(5000);
  });

  it('names a missing KAFKA_BROKERS with the expected format', () => {
    const problems = problemsOf(() => loadConfig(ServiceConfig, {}, serviceDefaults('gateway')));
    expect(problems).toEqual(['KAFKA_BROKERS is required (comma-separated host:port)']);
  });

  it('treats an empty variable as missing', () => {
    const error = (() => {
      try {
        loadConfig(ServiceConfig, { KAFKA_BROKERS: ' ' }, serviceDefaults('gateway'));
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.message).toBe('Invalid configuration: KAFKA_BROKERS is required (comma-separated host:port)');
  });

  it('reports one message per bad setting', () => {
    const problems = problemsOf(() =>
      loadConfig(
        DatabaseServiceConfig,
        { KAFKA_BROKERS: 'nohost', HTTP_PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', SHUTDOWN_TIMEOUT_MS: '5' },
        serviceDefaults('billing'),
      ),
    );
    expect(problems.sort()).toEqual(
      [
        'DATABASE_URL must be a postgres://user@host:port/db URL',
        'HTTP_PORT must be a port number 0-65535',
        'KAFKA_BROKERS must be comma-separated host:port pairs',
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
        'SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds >= 100',
      ].sort(),
    );
  });

  it('requires DATABASE_URL for database services', () => {
    const problems = problemsOf(() =>
      loadConfig(DatabaseServiceConfig, { KAFKA_BROKERS: 'h:1' }, serviceDefaults('cart')),
    );
    expect(problems).toEqual(['DATABASE_URL is required (postgres://user@host:port/db)']);
  });

  it('rejects a port out of range and a bad schema name', () => {
    const problems = problemsOf(() =>
      loadConfig(DatabaseServiceConfig, { ...validEnv, HTTP_PORT: '70000', DATABASE_SCHEMA: 'Bad-Name' }),
    );
    expect(problems.sort()).toEqual([
      'DATABASE_SCHEMA must be a lower-case SQL identifier (a-z, 0-9, _)',
      'HTTP_PORT must be a port number 0-65535',
      'KAFKA_CLIENT_ID is required',
    ]);
  });
});
