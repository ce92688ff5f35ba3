/**
 * Issues, rotates, revokes and lists trade customers' API keys (only their SHA-256 is stored).
 *   node -r @swc-node/register apps/cart/src/wholesale/cli/wholesale-key.ts issue --customer MLA001
 *   ... rotate (--customer <id or name> | --key-prefix <prefix> | --id <n>) [--grace-hours 24]
 *   ... revoke --key-prefix wk_AbC1234   |   revoke --id 7   |   list [--customer <id or name>]
 * Reads DATABASE_URL and DATABASE_SCHEMA (default cart), like the service. The schema must be
 * migrated (start the cart once). The new key is printed once, never again.
 */
import { parseCliFlags, runAdminCli } from '@order-platform/persistence';
import { issueWholesaleKey, type KeySelector, listWholesaleKeys, revokeWholesaleKeys, rotateWholesaleKey } from '../api-keys/wholesale-key-admin';

const USAGE =
  'usage: wholesale-key issue --customer <id or name>' +
  ' | rotate (--customer <id or name> | --key-prefix <prefix> | --id <n>) [--grace-hours 24]' +
  ' | revoke (--key-prefix <prefix> | --id <n>) | list [--customer <id or name>]\n';

function selectorOf(args: Record<string, string>): KeySelector | undefined {
  if (args['id']) {
    const keyId = Number(args['id']);
    if (!Number.isInteger(keyId)) throw new Error('--id must be a whole number');
    return { keyId };
  }
  return args['key-prefix'] ? { prefix: args['key-prefix'] } : undefined;
}

function graceHoursOf(args: Record<string, string>): number {
  const value = args['grace-hours'] ?? '24';
  if (!/^\d+(\.\d+)?$/.test(value)) throw new Error('--grace-hours must be a number of hours, 0 or more');
  return Number(value);
}

runAdminCli('wholesale-key', 'cart', async (sql) => {
  const [command, ...rest] = process.argv.slice(2);
  const args = parseCliFlags(rest);
  const selector = selectorOf(args);
  if (command === 'issue' && args['customer']) {
    process.stdout.write(`${JSON.stringify(await issueWholesaleKey(sql, args['customer']))}\n`);
  } else if (command === 'rotate' && (args['customer'] || selector)) {
    const target = args['customer'] ? { customer: args['customer'] } : (selector as KeySelector);
    process.stdout.write(`${JSON.stringify(await rotateWholesaleKey(sql, target, graceHoursOf(args)))}\n`);
  } else if (command === 'revoke' && selector) {
    process.stdout.write(`${JSON.stringify({ revoked: await revokeWholesaleKeys(sql, selector) })}\n`);
  } else if (command === 'list') {
    process.stdout.write(`${JSON.stringify(await listWholesaleKeys(sql, args['customer'] || undefined), null, 2)}\n`);
  } else {
    process.stdout.write(USAGE);
    process.exitCode = 1;
  }
});
