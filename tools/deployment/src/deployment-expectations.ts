// What the deployment files must provide, taken from the service runtime conventions
// (docs of the service interfaces): one entry per app in apps/, and the Kafka topics.

export interface ServiceExpectation {
  name: string;
  httpPort: number;
  /** Database schema; absent for services without a database (the gateway). */
  databaseSchema?: string;
  /** Secret keys the service reads besides DATABASE_URL. */
  extraSecrets: string[];
}

export const SERVICES: readonly ServiceExpectation[] = [
  { name: 'gateway', httpPort: 3000, extraSecrets: [] },
  { name: 'cart', httpPort: 3101, databaseSchema: 'cart', extraSecrets: [] },
  { name: 'billing', httpPort: 3102, databaseSchema: 'billing', extraSecrets: [] },
  { name: 'payment', httpPort: 3103, databaseSchema: 'payment', extraSecrets: ['STRIPE_API_KEY'] },
  { name: 'shipment', httpPort: 3104, databaseSchema: 'shipment', extraSecrets: [] },
  { name: 'email', httpPort: 3105, databaseSchema: 'email', extraSecrets: ['SMTP_URL'] },
  { name: 'order-status', httpPort: 3106, databaseSchema: 'order_status', extraSecrets: [] },
];

export const EVENT_TOPICS: readonly string[] = [
  'CartUpdated',
  'InvoiceCreated',
  'InvoiceVoided',
  'PaymentProcessed',
  'PaymentFailed',
  'PaymentRefunded',
  'OrderShipped',
  'OrderDelivered',
  'EmailSent',
  'OrderConfirmed',
  'OrderRejected',
  'OrderCancelled',
  'OrderCompleted',
];

export const REQUEST_REPLY_TOPICS: readonly string[] = ['cart.submit-cart', 'cart.submit-cart.reply'];

/** Every topic the platform needs: events, their dead-letter topics, request-reply topics. */
export function expectedTopics(): string[] {
  return [...EVENT_TOPICS, ...EVENT_TOPICS.map((topic) => `${topic}.dlq`), ...REQUEST_REPLY_TOPICS];
}

/** Secret names the manifests may reference; they are created out of band, never committed. */
export const EXTERNAL_SECRETS: readonly string[] = ['order-platform-secrets', 'order-platform-tls'];
