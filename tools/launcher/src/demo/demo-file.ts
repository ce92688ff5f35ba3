import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * .data/demo.json: where the running platform is and how to log in. Stable format (version 1):
 * fields are only ever added; `credentials` is open for more entries (tokens, API keys).
 */
export interface DemoFile {
  version: 1;
  gatewayUrl: string;
  docsUrl: string;
  asyncApiUrl: string;
  services: Record<string, { url: string; healthUrl: string }>;
  kafkaBrokers: string;
  databaseUrl: string;
  mailDir: string;
  smtpUrl: string;
  credentials: DemoCredentials;
  startedAt: string;
}

export interface DemoCredentials {
  [key: string]: unknown;
}

/**
 * What the services seed when DEMO_DATA=true (the fixed ids their demo seeds use).
 * Kept here as data so the printed summary and demo.json name the same things.
 */
export const DEMO_CREDENTIALS: DemoCredentials = {
  customers: [
    { customerId: '8080', name: 'Lital Hay', email: 'lital@example.com', card: 'visa 4242 (succeeds)' },
    { customerId: '8081', name: 'Dana Levi', email: 'dana@example.com', card: 'visa 0002 (declined)' },
    { customerId: '8082', name: 'Noam Katz', email: 'noam@example.com', card: 'visa 9995 (insufficient funds)' },
  ],
  products: [
    { productId: '1234', priceMinor: 5000, currency: 'USD' },
    { productId: '2345', priceMinor: 10000, currency: 'USD' },
  ],
  // POST /auth/token {"username", "password"} -> a bearer token for the customer and restaurant apps.
  appLogins: [
    { username: 'customer5', password: 'customer5-demo', role: 'CUSTOMER_APP', customerId: '5' },
    { username: 'customer6', password: 'customer6-demo', role: 'CUSTOMER_APP', customerId: '6' },
    { username: 'restaurant9', password: 'restaurant9-demo', role: 'RESTAURANT_APP', restaurantId: '9' },
    { username: 'restaurant10', password: 'restaurant10-demo', role: 'RESTAURANT_APP', restaurantId: '10' },
    // Group orders (FoodRush): customer 7 is activated with a card; 26 is not activated; 35 lacks name and phone.
    { username: 'customer7', password: 'customer7-demo', role: 'CUSTOMER_APP', customerId: '7' },
    { username: 'customer26', password: 'customer26-demo', role: 'CUSTOMER_APP', customerId: '26' },
    { username: 'customer35', password: 'customer35-demo', role: 'CUSTOMER_APP', customerId: '35' },
    { username: 'restaurant6', password: 'restaurant6-demo', role: 'RESTAURANT_APP', restaurantId: '6' },
  ],
  // Authorization: token <token> on /api/store/orders/*.
  storeTokens: [{ store: 'Burger God', token: 'demo-burger-god-token', sampleOrder: 'FR9TL74P' }],
  // Authorization: Bearer <apiKey> on /apis/customer/orders.
  wholesaleApiKeys: [{ customer: 'ML Accessories Limited', user: 'John Doe', apiKey: 'demo-mla-4c1f0e7b9d2a46e8b3f5' }],
  sampleRequests: {
    checkoutCart: {
      method: 'POST',
      path: '/api/order/cart.json',
      body: {
        customerId: '8080',
        items: [
          { productId: '1234', quantity: 2, price: 50 },
          { productId: '2345', quantity: 1, price: 100 },
        ],
      },
    },
  },
};

export interface DemoFileInput {
  httpHost: string;
  services: Array<{ name: string; port: number }>;
  kafkaBrokers: string;
  databaseUrl: string;
  mailDir: string;
  smtpUrl: string;
  credentials?: DemoCredentials;
  startedAt?: Date;
}

export function buildDemoFile(input: DemoFileInput): DemoFile {
  // 0.0.0.0 is a bind address, not one to browse to.
  const host = input.httpHost === '0.0.0.0' || input.httpHost === '::' ? 'localhost' : input.httpHost;
  const services = Object.fromEntries(
    input.services.map(({ name, port }) => {
      const url = `http://${host}:${port}`;
      return [name, { url, healthUrl: `${url}/health/ready` }];
    }),
  );
  const gatewayUrl = services.gateway?.url ?? '';
  return {
    version: 1,
    gatewayUrl,
    docsUrl: gatewayUrl ? `${gatewayUrl}/docs` : '',
    asyncApiUrl: gatewayUrl ? `${gatewayUrl}/docs/asyncapi.json` : '',
    services,
    kafkaBrokers: input.kafkaBrokers,
    databaseUrl: input.databaseUrl,
    mailDir: input.mailDir,
    smtpUrl: input.smtpUrl,
    credentials: { ...DEMO_CREDENTIALS, ...input.credentials },
    startedAt: (input.startedAt ?? new Date()).toISOString(),
  };
}

/** Written atomically, so a reader never sees half a file. */
export function writeJsonFile(path: string, content: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`);
  renameSync(temporary, path);
}
