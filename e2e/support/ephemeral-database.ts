import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface EphemeralDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database name of its own on the server DATABASE_URL points at (the launcher creates it);
 * undefined when DATABASE_URL is unset, so the launcher starts its embedded PostgreSQL.
 */
export function ephemeralDatabase(serverUrl = process.env.DATABASE_URL): EphemeralDatabase | undefined {
  if (!serverUrl) return undefined;
  const url = new URL(serverUrl);
  const name = `e2e_${randomBytes(5).toString('hex')}`;
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const admin = new URL(serverUrl);
      admin.pathname = '/postgres';
      const client = new Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
