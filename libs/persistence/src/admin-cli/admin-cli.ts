import { Client } from 'pg';
import { assertSchemaName } from '../data-source/schema-name';

/** What an admin command's store functions query through: rows of one statement. */
export interface AdminSql {
  query(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
}

/** `--name value` and `--name=value` flags; anything else is an error naming the argument. */
export function parseCliFlags(argv: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unexpected argument '${argv[i]}'`);
    flags[match[1]] = match[2] ?? argv[++i] ?? '';
  }
  return flags;
}

/**
 * Runs an admin command against a service's schema, read from DATABASE_URL and DATABASE_SCHEMA
 * like the service itself; prints `<name> failed: <reason>` and exits 1 on any error.
 */
export function runAdminCli(name: string, defaultSchema: string, command: (sql: AdminSql) => Promise<void>): void {
  const run = async (): Promise<void> => {
    const url = process.env['DATABASE_URL'];
    if (!url) throw new Error('DATABASE_URL is required (postgres://user@host:port/db)');
    const schema = assertSchemaName(process.env['DATABASE_SCHEMA'] ?? defaultSchema);
    const client = new Client({ connectionString: url, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      await command({ query: async (text, values) => (await client.query(text, values)).rows });
    } finally {
      await client.end();
    }
  };
  run().catch((error: unknown) => {
    process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
