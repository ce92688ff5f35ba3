import { readLauncherConfig } from '../launcher-config';

describe('readLauncherConfig', () => {
  it('defaults to embedded infrastructure on the documented ports', () => {
    const config = readLauncherConfig({}, '/repo', true);
    expect(config).toMatchObject({
      dataDir: '/repo/.data', kafkaBrokers: undefined, kafkaPort: 9092, databaseUrl: undefined, postgresPort: 5433,
      smtpUrl: undefined, smtpPort: 1025, httpHost: '127.0.0.1', logLevel: 'info', rawLogs: false, colors: true, stopTimeoutMs: 15000,
    });
    expect(config.servicePorts).toEqual({ gateway: 3000, cart: 3101, billing: 3102, payment: 3103, shipment: 3104, email: 3105, 'order-status': 3106 });
  });

  it('takes every override from the environment', () => {
    const config = readLauncherConfig(
      {
        LAUNCHER_DATA_DIR: '/tmp/d', LAUNCHER_SERVICES: 'cart', CART_HTTP_PORT: '4101', KAFKA_BROKERS: 'k:1', DATABASE_URL: 'postgres://h/db',
        SMTP_URL: 'smtp://m:25', LAUNCHER_RAW_LOGS: '1', NO_COLOR: '1', SHUTDOWN_TIMEOUT_MS: '2000',
      },
      '/repo',
      true,
    );
    expect(config).toMatchObject({ dataDir: '/tmp/d', kafkaBrokers: 'k:1', databaseUrl: 'postgres://h/db', smtpUrl: 'smtp://m:25', rawLogs: true, colors: false, stopTimeoutMs: 7000 });
    expect(config.servicePorts).toEqual({ cart: 4101 });
  });

  it('names the variable that is malformed', () => {
    expect(() => readLauncherConfig({ PG_PORT: 'five' }, '/repo', false)).toThrow('PG_PORT must be a port number (0-65535), got "five"');
    expect(() => readLauncherConfig({ LAUNCHER_READY_TIMEOUT_MS: '-1' }, '/repo', false)).toThrow('LAUNCHER_READY_TIMEOUT_MS');
  });
});
