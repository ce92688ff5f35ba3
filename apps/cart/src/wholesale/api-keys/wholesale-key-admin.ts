import { hashApiKey } from '../customers/api-key-hash';
import { apiKeyPrefix, generateApiKey } from './new-api-key';

/**
 * Issuing, rotating, revoking and listing trade customers' API keys. The SQL names tables
 * without a schema: run it on a connection whose search_path is the cart schema.
 */

/** Anything that runs SQL: a pg Client, a DataSource, an EntityManager or a QueryRunner. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface IssuedWholesaleKey {
  keyId: number;
  customerId: string;
  customerName: string;
  /** Shown once; only its SHA-256 is stored. */
  apiKey: string;
  prefix: string;
}

export interface RetiredWholesaleKey {
  id: number;
  prefix: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export type KeySelector = { keyId: number } | { prefix: string };

/** A key that still authenticates (the same condition as the authentication query). */
const LIVE = 'revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())';

/** Issues a key to an existing trade customer, named by id or (case-insensitively) by company name. */
export async function issueWholesaleKey(sql: SqlRunner, customer: string, apiKey = generateApiKey()): Promise<IssuedWholesaleKey> {
  const found = await findCustomer(sql, customer);
  const keyId = await insertKey(sql, found.id, apiKey);
  return { keyId, customerId: found.id, customerName: found.name, apiKey, prefix: apiKeyPrefix(apiKey) };
}

/**
 * Issues a new key and retires the customer's live keys (or only the selected one): they keep
 * working for `graceHours`, then no longer authenticate; 0 revokes them at once. A grace never
 * extends an expiry set earlier.
 */
export async function rotateWholesaleKey(
  sql: SqlRunner,
  target: { customer: string } | KeySelector,
  graceHours = 24,
  apiKey = generateApiKey(),
): Promise<IssuedWholesaleKey & { retired: RetiredWholesaleKey[] }> {
  if (!Number.isFinite(graceHours) || graceHours < 0) throw new Error('the grace period must be zero or more hours');
  const customer = 'customer' in target ? await findCustomer(sql, target.customer) : await customerOfKeys(sql, target);
  const [where, value] = 'customer' in target ? ['customer_id = $1', customer.id] : selectorCondition(target);
  const retire = `SET revoked_at = CASE WHEN $4::numeric = 0 THEN now() END,
                     expires_at = CASE WHEN $4::numeric = 0 THEN expires_at ELSE LEAST(COALESCE(expires_at, 'infinity'), now() + $4::numeric * interval '1 hour') END`;
  // One statement: the new key and the retirement of the old ones commit together.
  const rows = (await sql.query(
    `WITH retired AS (
       UPDATE trade_customer_api_keys ${retire} WHERE ${where} AND ${LIVE} RETURNING id, key_prefix, expires_at, revoked_at
     ), issued AS (
       INSERT INTO trade_customer_api_keys (customer_id, key_sha256, key_prefix) VALUES ($5, $2, $3) RETURNING id
     )
     SELECT (SELECT id FROM issued) AS key_id, r.id, r.key_prefix, r.expires_at, r.revoked_at FROM (SELECT 1) one LEFT JOIN retired r ON true ORDER BY r.id`,
    [value, hashApiKey(apiKey), apiKeyPrefix(apiKey), graceHours, customer.id],
  )) as Array<{ key_id: string; id: string | null; key_prefix: string | null; expires_at: Date | null; revoked_at: Date | null }>;
  return {
    keyId: Number(rows[0].key_id),
    customerId: customer.id,
    customerName: customer.name,
    apiKey,
    prefix: apiKeyPrefix(apiKey),
    retired: rows
      .filter((row) => row.id !== null)
      .map((row) => ({ id: Number(row.id), prefix: row.key_prefix, expiresAt: row.expires_at?.toISOString() ?? null, revokedAt: row.revoked_at?.toISOString() ?? null })),
  };
}

/** Revokes unrevoked keys by id or by prefix; returns how many were revoked. */
export async function revokeWholesaleKeys(sql: SqlRunner, by: KeySelector): Promise<number> {
  const [where, value] = selectorCondition(by);
  const rows = (await sql.query(`UPDATE trade_customer_api_keys SET revoked_at = now() WHERE ${where} AND revoked_at IS NULL RETURNING id`, [value])) as unknown[];
  return rows.length;
}

export interface WholesaleKeyListing {
  id: number;
  customerId: string;
  customerName: string;
  /** null for a key stored by its hash only (set in trade_customers.api_key_sha256). */
  prefix: string | null;
  state: 'active' | 'expired' | 'revoked';
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Every key, never the key itself: its prefix, dates and state. */
export async function listWholesaleKeys(sql: SqlRunner, customer?: string): Promise<WholesaleKeyListing[]> {
  const customerId = customer === undefined ? null : (await findCustomer(sql, customer)).id;
  const rows = (await sql.query(
    `SELECT k.id, k.customer_id, c.company_name, k.key_prefix, k.created_at, k.last_used_at, k.expires_at, k.revoked_at,
            CASE WHEN k.revoked_at IS NOT NULL THEN 'revoked' WHEN k.expires_at <= now() THEN 'expired' ELSE 'active' END AS state
       FROM trade_customer_api_keys k JOIN trade_customers c ON c.id = k.customer_id
      WHERE $1::text IS NULL OR k.customer_id = $1
      ORDER BY k.id`,
    [customerId],
  )) as Array<{
    id: string;
    customer_id: string;
    company_name: string;
    key_prefix: string | null;
    created_at: Date;
    last_used_at: Date | null;
    expires_at: Date | null;
    revoked_at: Date | null;
    state: WholesaleKeyListing['state'];
  }>;
  return rows.map((row) => ({
    id: Number(row.id),
    customerId: row.customer_id,
    customerName: row.company_name,
    prefix: row.key_prefix,
    state: row.state,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }));
}

async function insertKey(sql: SqlRunner, customerId: string, apiKey: string): Promise<number> {
  const rows = (await sql.query(`INSERT INTO trade_customer_api_keys (customer_id, key_sha256, key_prefix) VALUES ($1, $2, $3) RETURNING id`, [
    customerId,
    hashApiKey(apiKey),
    apiKeyPrefix(apiKey),
  ])) as Array<{ id: string }>;
  return Number(rows[0].id);
}

/** The id wins over a company name; a name shared by several customers must be given as an id. */
async function findCustomer(sql: SqlRunner, customer: string): Promise<{ id: string; name: string }> {
  const byId = (await sql.query(`SELECT id, company_name FROM trade_customers WHERE id = $1`, [customer])) as Array<{ id: string; company_name: string }>;
  const rows = byId.length > 0 ? byId : ((await sql.query(`SELECT id, company_name FROM trade_customers WHERE lower(company_name) = lower($1) ORDER BY id`, [customer])) as typeof byId);
  if (rows.length === 0) throw new Error(`no trade customer with id or company name '${customer}'`);
  if (rows.length > 1) throw new Error(`'${customer}' names several trade customers (${rows.map((row) => row.id).join(', ')}): give the id`);
  return { id: rows[0].id, name: rows[0].company_name };
}

/** The one customer whose live keys the selector names. */
async function customerOfKeys(sql: SqlRunner, by: KeySelector): Promise<{ id: string; name: string }> {
  const [where, value] = selectorCondition(by, 'k.');
  const rows = (await sql.query(
    `SELECT DISTINCT c.id, c.company_name FROM trade_customer_api_keys k JOIN trade_customers c ON c.id = k.customer_id
      WHERE ${where} AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())`,
    [value],
  )) as Array<{ id: string; company_name: string }>;
  if (rows.length === 0) throw new Error('no active key matches');
  if (rows.length > 1) throw new Error(`the prefix matches keys of several customers (${rows.map((row) => row.id).join(', ')}): give the key id`);
  return { id: rows[0].id, name: rows[0].company_name };
}

function selectorCondition(by: KeySelector, alias = ''): [string, string | number] {
  return 'keyId' in by ? [`${alias}id = $1`, by.keyId] : [`${alias}key_prefix = $1`, by.prefix];
}
