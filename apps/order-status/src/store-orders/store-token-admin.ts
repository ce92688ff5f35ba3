import { generateStoreToken, hashStoreToken, tokenPrefix } from './store-token';

/** Anything that runs SQL: a DataSource, an EntityManager or a QueryRunner. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface IssuedStoreToken {
  tokenId: number;
  storeId: number;
  storeName: string;
  /** Shown once; only its SHA-256 is stored. */
  token: string;
  prefix: string;
}

/** Issues a token for a store, creating the store on first use. */
export async function issueStoreToken(sql: SqlRunner, storeName: string, currency = 'IDR', token = generateStoreToken()): Promise<IssuedStoreToken> {
  const stores = (await sql.query(
    `INSERT INTO stores (name, currency) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [storeName, currency],
  )) as Array<{ id: string }>;
  const storeId = Number(stores[0].id);
  const prefix = tokenPrefix(token);
  const tokens = (await sql.query(`INSERT INTO store_api_tokens (store_id, token_sha256, token_prefix) VALUES ($1, $2, $3) RETURNING id`, [
    storeId,
    hashStoreToken(token),
    prefix,
  ])) as Array<{ id: string }>;
  return { tokenId: Number(tokens[0].id), storeId, storeName, token, prefix };
}

/** Revokes live tokens by id or by prefix; returns how many were revoked. */
export async function revokeStoreTokens(sql: SqlRunner, by: { tokenId: number } | { prefix: string }): Promise<number> {
  const [where, value] = 'tokenId' in by ? ['id = $1', by.tokenId] : ['token_prefix = $1', by.prefix];
  const rows = (await sql.query(`UPDATE store_api_tokens SET revoked_at = now() WHERE ${where} AND revoked_at IS NULL RETURNING id`, [value])) as unknown[];
  return rows.length;
}

export interface StoreTokenListing {
  id: number;
  storeName: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export async function listStoreTokens(sql: SqlRunner): Promise<StoreTokenListing[]> {
  const rows = (await sql.query(
    `SELECT t.id, s.name, t.token_prefix, t.created_at, t.revoked_at FROM store_api_tokens t JOIN stores s ON s.id = t.store_id ORDER BY t.id`,
  )) as Array<{ id: string; name: string; token_prefix: string; created_at: Date; revoked_at: Date | null }>;
  return rows.map((row) => ({
    id: Number(row.id),
    storeName: row.name,
    prefix: row.token_prefix,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
  }));
}
