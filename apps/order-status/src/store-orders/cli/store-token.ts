/**
 * Issues and revokes store API tokens (only their SHA-256 is stored).
 *   node -r @swc-node/register apps/order-status/src/store-orders/cli/store-token.ts issue --store "Burger God" [--currency IDR]
 *   ... revoke --token-prefix st_AbC123   |   revoke --id 7   |   list
 * Reads DATABASE_URL and DATABASE_SCHEMA (default order_status), like the service. The schema
 * must be migrated (start order-status once). The new token is printed once, never again.
 */
import { parseCliFlags, runAdminCli } from '@order-platform/persistence';
import { issueStoreToken, listStoreTokens, revokeStoreTokens } from '../store-token-admin';

const USAGE = 'usage: store-token issue --store <name> [--currency IDR] | revoke (--token-prefix <prefix> | --id <n>) | list\n';

runAdminCli('store-token', 'order_status', async (sql) => {
  const [command, ...rest] = process.argv.slice(2);
  const args = parseCliFlags(rest);
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
});
