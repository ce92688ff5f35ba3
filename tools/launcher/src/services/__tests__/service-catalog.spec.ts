import { localServiceUrl, portVariable, selectServices, SERVICE_CATALOG, serviceEnvironment } from '../service-catalog';

const endpoints = {
  kafkaBrokers: '127.0.0.1:9092',
  databaseUrl: 'postgres://postgres@127.0.0.1:5433/order_platform',
  smtpUrl: 'smtp://127.0.0.1:1025',
  httpHost: '127.0.0.1',
  logLevel: 'debug',
};
const byName = (name: string) => {
  const found = SERVICE_CATALOG.find((service) => service.name === name);
  if (!found) throw new Error(`no service ${name}`);
  return found;
};

describe('service catalog', () => {
  it('lists the seven services with the agreed default ports', () => {
    expect(SERVICE_CATALOG.map((s) => [s.name, s.defaultPort])).toEqual([
      ['gateway', 3000], ['cart', 3101], ['billing', 3102], ['payment', 3103], ['shipment', 3104], ['email', 3105], ['order-status', 3106],
    ]);
    expect(byName('order-status').entry).toBe('apps/order-status/src/main.ts');
  });

  it('names a port override variable per service', () => {
    expect(portVariable('order-status')).toBe('ORDER_STATUS_HTTP_PORT');
    expect(portVariable('gateway')).toBe('GATEWAY_HTTP_PORT');
  });

  it('selects a subset in catalog order and rejects unknown names', () => {
    expect(selectServices(' email, cart ').map((s) => s.name)).toEqual(['cart', 'email']);
    expect(selectServices(undefined)).toHaveLength(7);
    expect(() => selectServices('cart,carts')).toThrow('unknown service(s) carts');
  });

  it('gives each service the runtime variables it needs and nothing another service owns', () => {
    const base = { PATH: '/bin', KAFKA_CLIENT_ID: 'launcher', DATABASE_SCHEMA: 'x', SMTP_URL: 'smtp://elsewhere:25' };
    const email = serviceEnvironment(byName('email'), 4105, endpoints, base);
    expect(email).toMatchObject({
      PATH: '/bin', HTTP_PORT: '4105', HTTP_HOST: '127.0.0.1', KAFKA_BROKERS: '127.0.0.1:9092',
      DATABASE_URL: endpoints.databaseUrl, SMTP_URL: 'smtp://127.0.0.1:1025', LOG_LEVEL: 'debug', DEMO_DATA: 'true',
    });
    expect(email.KAFKA_CLIENT_ID).toBeUndefined();
    expect(email.DATABASE_SCHEMA).toBeUndefined();

    const gateway = serviceEnvironment(byName('gateway'), 3000, endpoints, { ...base, DATABASE_URL: 'postgres://x/y' });
    expect(gateway.DATABASE_URL).toBeUndefined();
    expect(gateway.SMTP_URL).toBeUndefined();
    expect(serviceEnvironment(byName('cart'), 3101, endpoints, base).SMTP_URL).toBeUndefined();
  });

  it("points the gateway's order reads at the order-status and cart it starts, over HTTP unless ORDER_READS says otherwise", () => {
    const withBoth = { ...endpoints, orderStatusUrl: 'http://127.0.0.1:4106', cartUrl: 'http://127.0.0.1:4101' };
    expect(serviceEnvironment(byName('gateway'), 3000, withBoth, { ORDER_STATUS_URL: 'http://elsewhere:1', CART_URL: 'http://elsewhere:2' })).toMatchObject({
      ORDER_READS: 'http',
      ORDER_STATUS_URL: 'http://127.0.0.1:4106',
      CART_URL: 'http://127.0.0.1:4101',
    });
    expect(serviceEnvironment(byName('gateway'), 3000, withBoth, { ORDER_READS: 'kafka' }).ORDER_READS).toBe('kafka');
    const cart = serviceEnvironment(byName('cart'), 3101, withBoth, {});
    expect([cart.ORDER_READS, cart.ORDER_STATUS_URL, cart.CART_URL]).toEqual([undefined, undefined, undefined]);
    // Without order-status or cart in this launcher (LAUNCHER_SERVICES), http would lack a URL: the gateway keeps its own default.
    const withoutCart = serviceEnvironment(byName('gateway'), 3000, { ...endpoints, orderStatusUrl: 'http://127.0.0.1:4106' }, {});
    expect([withoutCart.ORDER_READS, withoutCart.ORDER_STATUS_URL, withoutCart.CART_URL]).toEqual([undefined, 'http://127.0.0.1:4106', undefined]);
    const withoutOrderStatus = serviceEnvironment(byName('gateway'), 3000, { ...endpoints, cartUrl: 'http://127.0.0.1:4101' }, {});
    expect([withoutOrderStatus.ORDER_READS, withoutOrderStatus.ORDER_STATUS_URL, withoutOrderStatus.CART_URL]).toEqual([undefined, undefined, 'http://127.0.0.1:4101']);
    const alone = serviceEnvironment(byName('gateway'), 3000, endpoints, {});
    expect([alone.ORDER_READS, alone.ORDER_STATUS_URL, alone.CART_URL]).toEqual([undefined, undefined, undefined]);
  });

  it('builds local service URLs from the bind address', () => {
    expect(localServiceUrl('0.0.0.0', 3106)).toBe('http://127.0.0.1:3106');
    expect(localServiceUrl('::', 3106)).toBe('http://127.0.0.1:3106');
    expect(localServiceUrl('127.0.0.1', 4106)).toBe('http://127.0.0.1:4106');
    expect(localServiceUrl('::1', 4106)).toBe('http://[::1]:4106');
  });

  it('hands the JWT signing secret to the gateway only', () => {
    const base = { JWT_SECRET: 's'.repeat(64) };
    expect(serviceEnvironment(byName('gateway'), 3000, endpoints, base).JWT_SECRET).toBe('s'.repeat(64));
    expect(serviceEnvironment(byName('cart'), 3101, endpoints, base).JWT_SECRET).toBeUndefined();
  });
});
