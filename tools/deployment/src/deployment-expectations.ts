import { Commands, Topics, dlqTopic, replyTopic } from '@order-platform/contracts';

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
  { name: 'gateway', httpPort: 3000, extraSecrets: ['JWT_SECRET'] },
  { name: 'cart', httpPort: 3101, databaseSchema: 'cart', extraSecrets: [] },
  { name: 'billing', httpPort: 3102, databaseSchema: 'billing', extraSecrets: [] },
  { name: 'payment', httpPort: 3103, databaseSchema: 'payment', extraSecrets: ['STRIPE_API_KEY'] },
  { name: 'shipment', httpPort: 3104, databaseSchema: 'shipment', extraSecrets: [] },
  { name: 'email', httpPort: 3105, databaseSchema: 'email', extraSecrets: ['SMTP_URL'] },
  { name: 'order-status', httpPort: 3106, databaseSchema: 'order_status', extraSecrets: [] },
];

/**
 * Every topic the platform needs, straight from libs/contracts: events and their dead-letter
 * topics, request-reply commands and their reply topics.
 */
export function expectedTopics(): string[] {
  const commandTopics = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : Object.values(value as Record<string, unknown>).flatMap(commandTopics);
  const events = Object.values(Topics);
  const commands = commandTopics(Commands);
  return [...events, ...events.map(dlqTopic), ...commands, ...commands.map(replyTopic)];
}

/** Secret names the manifests may reference; they are created out of band, never committed. */
export const EXTERNAL_SECRETS: readonly string[] = ['order-platform-secrets', 'order-platform-tls'];

/**
 * Namespace labels the NetworkPolicies admit (k8s/base/network-policies): the cluster's
 * operators put them on the ingress controller's and the metrics scraper's namespaces.
 */
export const NAMESPACE_LABELS = {
  ingressController: { 'order-platform/ingress-controller': 'true' },
  metricsScraper: { 'order-platform/metrics-scraper': 'true' },
} as const;
