import { buildDemoFile } from '../demo-file';

describe('buildDemoFile', () => {
  it('describes the running platform in the version 1 format', () => {
    const demo = buildDemoFile({
      httpHost: '0.0.0.0',
      services: [{ name: 'gateway', port: 3000 }, { name: 'cart', port: 3101 }],
      kafkaBrokers: '127.0.0.1:9092',
      databaseUrl: 'postgres://postgres@127.0.0.1:5433/order_platform',
      mailDir: '/repo/.data/mail',
      smtpUrl: 'smtp://127.0.0.1:1025',
      credentials: { customerId: 'c-1' },
      startedAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(demo).toEqual({
      version: 1,
      gatewayUrl: 'http://localhost:3000',
      docsUrl: 'http://localhost:3000/docs',
      asyncApiUrl: 'http://localhost:3000/docs/asyncapi.json',
      services: {
        gateway: { url: 'http://localhost:3000', healthUrl: 'http://localhost:3000/health/ready' },
        cart: { url: 'http://localhost:3101', healthUrl: 'http://localhost:3101/health/ready' },
      },
      kafkaBrokers: '127.0.0.1:9092',
      databaseUrl: 'postgres://postgres@127.0.0.1:5433/order_platform',
      mailDir: '/repo/.data/mail',
      smtpUrl: 'smtp://127.0.0.1:1025',
      credentials: expect.objectContaining({ customerId: 'c-1' }),
      startedAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('leaves gateway URLs empty when the gateway is not part of the run', () => {
    const demo = buildDemoFile({ httpHost: '127.0.0.1', services: [{ name: 'cart', port: 1 }], kafkaBrokers: '', databaseUrl: '', mailDir: '', smtpUrl: '' });
    expect(demo.gatewayUrl).toBe('');
    expect(demo.services.cart.url).toBe('http://127.0.0.1:1');
  });
});
