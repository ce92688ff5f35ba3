import { randomBytes } from 'node:crypto';
import type { ServiceConfig } from '../config/service-config';
import { type ServiceDefinition, type StartedService, startService } from '../bootstrap/service-definition';

export interface ServiceTestInfra {
  brokers: string[];
  /** Omit for services without a database (gateway). */
  databaseUrl?: string;
}

/**
 * Starts a service in this process for an integration test: HTTP on an ephemeral loopback
 * port, its own random schema, quiet logs (TEST_LOG_LEVEL to see them). Only the given
 * settings are used, never the test process's own environment.
 */
export async function startServiceForTest<C extends ServiceConfig>(
  definition: ServiceDefinition<C>,
  infra: ServiceTestInfra,
  env: Record<string, string> = {},
): Promise<StartedService<C> & { schema: string }> {
  const schema = `${definition.name.replace(/-/g, '_')}_${randomBytes(4).toString('hex')}`;
  const service = await startService(definition, {
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    KAFKA_BROKERS: infra.brokers.join(','),
    ...(infra.databaseUrl ? { DATABASE_URL: infra.databaseUrl, DATABASE_SCHEMA: schema } : {}),
    LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
    SHUTDOWN_TIMEOUT_MS: '5000',
    ...env,
  });
  return Object.assign(service, { schema });
}
