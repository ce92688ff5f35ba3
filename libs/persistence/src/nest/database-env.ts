import { schemaForService, assertSchemaName } from '../data-source/schema-name';

export interface DatabaseEnv {
  url: string;
  schema: string;
}

/**
 * DATABASE_URL (required) and DATABASE_SCHEMA (default: service name with '-' -> '_').
 * Throws an error naming the variable, so a misconfigured service stops with a clear message.
 */
export function readDatabaseEnv(serviceName: string, env: NodeJS.ProcessEnv = process.env): DatabaseEnv {
  const url = env['DATABASE_URL']?.trim();
  if (!url) throw new Error('DATABASE_URL is required (postgres://user@host:port/db)');
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error('DATABASE_URL is not a valid URL (postgres://user@host:port/db)');
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must use postgres://, got ${protocol}//`);
  }
  const rawSchema = env['DATABASE_SCHEMA']?.trim();
  let schema: string;
  try {
    schema = rawSchema ? assertSchemaName(rawSchema) : schemaForService(serviceName);
  } catch (error) {
    throw new Error(`DATABASE_SCHEMA: ${(error as Error).message}`);
  }
  return { url, schema };
}
