/**
 * Issues and revokes store API tokens (only their SHA-256 is stored).
 *   node -r @swc-node/register apps/order-status/src/store-orders/cli/store-token.ts issue --store "Burger God" [--currency IDR]
 *   ... revoke --token-prefix st_AbC123   |   revoke --id 7   |   list
 * Reads DATABASE_URL and DATABASE_SCHEMA (default order_status), like the service. The schema
 * must be migrated (start order-status once). The new token is printed once, never again.
 */
import { assertSchemaName } from '@order-platform/persistence';
import { Client } from 'pg';
import { issueStoreToken, listStoreTokens, revokeStoreTokens } from '../store-token-admin';

const USAGE = 'usage: store-token issue --store <name> [--currency IDR] | revoke (--token-prefix <prefix> | --id <n>) | list\n';

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unexpected argument '${argv[i]}'`);
    args[match[1]] = match[2] ?? argv[++i] ?? '';
  }
  return args;
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const args = parseArgs(rest);
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is required (postgres://user@host:port/db)');
  const schema = assertSchemaName(process.env['DATABASE_SCHEMA'] ?? 'order_status');

  const client = new Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  const sql = { query: async (text: string, values?: unknown[]) => (await client.query(text, values)).rows };
  try {
    if (command === 'issue' && args['store']) {
      const issued = await issueStoreToken(sql, args['store'], args['currency'] ?? 'IDR');
      process.stdout.write(`${JSON.stringify(issued)}\n`);
    } else if (command === 'revoke' && (args['token-prefix'] || args['id'])) {
      const by = args['id'] ? { tokenId: Number(args['id']) } : { prefix: args['token-prefix'] };
      if ('tokenId' in by && !Number.isInteger(by.tokenId)) throw new Error('--id must be a whole number');
      process.stdout.write(`${JSON.stringify({ revoked: await revokeStoreTokens(sql, by) })}\n`);
    } else if (command === 'list') {
      process.stdout.write(`${JSON.stringify(await listStoreTokens(sql), null, 2)}\n`);
    } else {
      process.stdout.write(USAGE);
      process.exitCode = 1;
    }
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`store-token failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
