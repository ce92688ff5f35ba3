/* The gateway is composed in-process so refusals are checked as trade customers see them (HTTP 401). */
/* eslint-disable @nx/enforce-module-boundaries */
import { startServiceForTest } from '@order-platform/service-kit';
import { startTestKafka, startTestPostgres, type TestDatabase, type TestKafka, type TestPostgres } from '@order-platform/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { gatewayService } from '../../gateway/src/gateway.service-definition';
import { cartService } from '../src/cart.service-definition';
import {
  issueWholesaleKey,
  listWholesaleKeys,
  revokeWholesaleKeys,
  rotateWholesaleKey,
  type SqlRunner,
} from '../src/wholesale/api-keys/wholesale-key-admin';
import { hashApiKey } from '../src/wholesale/customers/api-key-hash';
import { DEMO_TRADE_CUSTOMER } from '../src/wholesale/demo-data/demo-wholesale-data';

type Started = Awaited<ReturnType<typeof startServiceForTest>>;

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'apps', 'cart', 'src', 'wholesale', 'cli', 'wholesale-key.ts');
const INVALID = { status: 401, body: { message: 'Invalid API credentials' } };

function orderRequest(customerOrderNo: string) {
  return {
    customer_order_no: customerOrderNo,
    order_type: 'WHOLESALE',
    delivery_method: 'COLLECT',
    products: [{ product_code: 'VFR8CW', quantity: 2 }],
  };
}

describe('wholesale API keys: issue, rotate, revoke, list (real PostgreSQL, broker and gateway)', () => {
  let kafka: TestKafka;
  let postgres: TestPostgres;
  let database: TestDatabase;
  let cart: Started;
  let gateway: Started;
  let sql: Client;
  let admin: SqlRunner;
  let customerNo = 0;

  beforeAll(async () => {
    [kafka, postgres] = await Promise.all([startTestKafka(), startTestPostgres()]);
    database = await postgres.createDatabase('cart_wholesale_keys');
    cart = await startServiceForTest(cartService, { brokers: kafka.brokers, databaseUrl: database.url }, { DEMO_DATA: 'true' });
    gateway = await startServiceForTest(gatewayService, { brokers: kafka.brokers });
    sql = new Client({ connectionString: database.url, options: `-c search_path=${cart.schema}` });
    await sql.connect();
    admin = { query: async (text, values) => (await sql.query(text, values as unknown[])).rows };
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await gateway?.close();
    await cart?.close();
    await database?.drop();
    await postgres?.stop();
    await kafka?.stop();
  }, 60_000);

  /** A trade customer provisioned without a key, as operations would before issuing one. */
  async function newCustomer(): Promise<{ id: string; name: string }> {
    const id = `KEYS${String(++customerNo).padStart(2, '0')}`;
    const name = `Key Test ${customerNo} Ltd`;
    await sql.query(`INSERT INTO trade_customers (id, company_name, contact_name, email, payment_terms) VALUES ($1, $2, 'Kim Lee', 'kim@keys.example', 'card')`, [
      id,
      name,
    ]);
    return { id, name };
  }

  /** Creates an order over HTTP: 201 when the key authenticates, 401 in the family's shape when not. */
  async function createOrder(apiKey: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${gateway.url}/apis/customer/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(orderRequest(`KEYS-${randomUUID()}`)),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  const statusOf = async (apiKey: string) => (await createOrder(apiKey)).status;

  async function keyRow(keyId: number): Promise<Record<string, unknown>> {
    const { rows } = await sql.query(`SELECT * FROM trade_customer_api_keys WHERE id = $1`, [keyId]);
    return rows[0] as Record<string, unknown>;
  }

  it('issues a key that authenticates a wholesale command, storing only its hash and prefix', async () => {
    const customer = await newCustomer();
    const issued = await issueWholesaleKey(admin, customer.name);
    expect(issued).toMatchObject({ customerId: customer.id, customerName: customer.name, prefix: issued.apiKey.slice(0, 10) });
    expect(issued.apiKey).toMatch(/^wk_[A-Za-z0-9_-]{43}$/);

    const created = await createOrder(issued.apiKey);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ order_state: 'OPEN', created_by: 'Kim Lee' });

    const row = await keyRow(issued.keyId);
    expect(row).toMatchObject({ customer_id: customer.id, key_sha256: hashApiKey(issued.apiKey), key_prefix: issued.prefix, revoked_at: null, expires_at: null });
    expect(row['last_used_at']).toBeInstanceOf(Date);
    expect(JSON.stringify(row)).not.toContain(issued.apiKey);
  });

  it('refuses a revoked key with 401 in the wholesale shape, by prefix or by id', async () => {
    const customer = await newCustomer();
    const [first, second] = [await issueWholesaleKey(admin, customer.id), await issueWholesaleKey(admin, customer.id)];
    expect(await statusOf(first.apiKey)).toBe(201);

    expect(await revokeWholesaleKeys(admin, { prefix: first.prefix })).toBe(1);
    expect(await createOrder(first.apiKey)).toEqual(INVALID);
    expect(await revokeWholesaleKeys(admin, { prefix: first.prefix })).toBe(0);
    expect(await statusOf(second.apiKey)).toBe(201);

    expect(await revokeWholesaleKeys(admin, { keyId: second.keyId })).toBe(1);
    expect(await createOrder(second.apiKey)).toEqual(INVALID);
  });

  it('rotates: both keys work during the grace period, only the new one after it', async () => {
    const customer = await newCustomer();
    const old = await issueWholesaleKey(admin, customer.id);
    const rotated = await rotateWholesaleKey(admin, { customer: customer.id }, 24);
    expect(rotated.retired).toEqual([{ id: old.keyId, prefix: old.prefix, expiresAt: expect.any(String), revokedAt: null }]);
    const graceHours = (Date.parse(rotated.retired[0].expiresAt as string) - Date.now()) / 3_600_000;
    expect(Math.round(graceHours)).toBe(24);

    expect(await statusOf(old.apiKey)).toBe(201);
    expect(await statusOf(rotated.apiKey)).toBe(201);

    // The grace period ends.
    await sql.query(`UPDATE trade_customer_api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [old.keyId]);
    expect(await createOrder(old.apiKey)).toEqual(INVALID);
    expect(await statusOf(rotated.apiKey)).toBe(201);
  });

  it('rotates with --grace-hours 0 by revoking the selected key at once, and never extends an earlier expiry', async () => {
    const customer = await newCustomer();
    const leaked = await issueWholesaleKey(admin, customer.id);
    const other = await issueWholesaleKey(admin, customer.id);
    await sql.query(`UPDATE trade_customer_api_keys SET expires_at = now() + interval '1 hour' WHERE id = $1`, [other.keyId]);

    const replaced = await rotateWholesaleKey(admin, { prefix: leaked.prefix }, 0);
    expect(replaced.retired).toEqual([{ id: leaked.keyId, prefix: leaked.prefix, expiresAt: null, revokedAt: expect.any(String) }]);
    expect(await createOrder(leaked.apiKey)).toEqual(INVALID);
    expect(await statusOf(replaced.apiKey)).toBe(201);
    expect(await statusOf(other.apiKey)).toBe(201);

    const before = (await keyRow(other.keyId))['expires_at'] as Date;
    const again = await rotateWholesaleKey(admin, { customer: customer.name }, 24);
    expect(again.retired.map((key) => key.id).sort()).toEqual([other.keyId, replaced.keyId].sort());
    expect(((await keyRow(other.keyId))['expires_at'] as Date).toISOString()).toBe(before.toISOString());
  });

  it('lists prefixes, dates and states, never a key or its hash', async () => {
    const customer = await newCustomer();
    const revoked = await issueWholesaleKey(admin, customer.id);
    await revokeWholesaleKeys(admin, { keyId: revoked.keyId });
    const rotated = await rotateWholesaleKey(admin, { customer: customer.id }, 1);
    await statusOf(rotated.apiKey);

    const listing = await listWholesaleKeys(admin, customer.id);
    expect(listing).toEqual([
      {
        id: revoked.keyId,
        customerId: customer.id,
        customerName: customer.name,
        prefix: revoked.prefix,
        state: 'revoked',
        createdAt: expect.any(String),
        lastUsedAt: null,
        expiresAt: null,
        revokedAt: expect.any(String),
      },
      expect.objectContaining({ id: rotated.keyId, prefix: rotated.prefix, state: 'active', lastUsedAt: expect.any(String), revokedAt: null }),
    ]);
    const text = JSON.stringify(await listWholesaleKeys(admin));
    for (const key of [revoked.apiKey, rotated.apiKey, DEMO_TRADE_CUSTOMER.apiKey]) {
      expect(text).not.toContain(key);
      expect(text).not.toContain(hashApiKey(key));
    }
    expect(text).toContain(`"prefix":"${DEMO_TRADE_CUSTOMER.apiKey.slice(0, 10)}"`);
  });

  it('records last use at most once a minute per key', async () => {
    const customer = await newCustomer();
    const issued = await issueWholesaleKey(admin, customer.id);
    const setLastUsed = (age: string) => sql.query(`UPDATE trade_customer_api_keys SET last_used_at = now() - $2::interval WHERE id = $1 RETURNING last_used_at`, [issued.keyId, age]);

    const recent = (await setLastUsed('30 seconds')).rows[0].last_used_at as Date;
    expect(await statusOf(issued.apiKey)).toBe(201);
    expect(((await keyRow(issued.keyId))['last_used_at'] as Date).toISOString()).toBe(recent.toISOString());

    const stale = (await setLastUsed('2 minutes')).rows[0].last_used_at as Date;
    expect(await statusOf(issued.apiKey)).toBe(201);
    expect(((await keyRow(issued.keyId))['last_used_at'] as Date).getTime()).toBeGreaterThan(stale.getTime());
  });

  it('still honours a key written as a hash into trade_customers.api_key_sha256; replacing it revokes the old one', async () => {
    const [oldKey, newKey] = [`legacy-${randomUUID()}`, `legacy-${randomUUID()}`];
    await sql.query(
      `INSERT INTO trade_customers (id, company_name, contact_name, email, api_key_sha256, payment_terms) VALUES ('LEGACY1', 'Legacy Ltd', 'Lee Ray', 'lee@legacy.example', $1, 'card')`,
      [hashApiKey(oldKey)],
    );
    expect(await statusOf(oldKey)).toBe(201);
    expect(await listWholesaleKeys(admin, 'LEGACY1')).toEqual([expect.objectContaining({ prefix: null, state: 'active' })]);

    await sql.query(`UPDATE trade_customers SET api_key_sha256 = $1 WHERE id = 'LEGACY1'`, [hashApiKey(newKey)]);
    expect(await createOrder(oldKey)).toEqual(INVALID);
    expect(await statusOf(newKey)).toBe(201);
    expect((await listWholesaleKeys(admin, 'LEGACY1')).map((key) => key.state)).toEqual(['revoked', 'active']);
  });

  it('the wholesale-key command issues, lists and revokes against the database it is given', async () => {
    const customer = await newCustomer();
    const run = async (...args: string[]) => {
      const { DATABASE_URL: _ignored, ...inherited } = process.env;
      const { stdout } = await promisify(execFile)(process.execPath, ['-r', '@swc-node/register', CLI, ...args], {
        cwd: ROOT,
        env: { ...inherited, DATABASE_URL: database.url, DATABASE_SCHEMA: cart.schema },
      });
      return stdout;
    };

    const issued = JSON.parse(await run('issue', '--customer', customer.name)) as { keyId: number; apiKey: string; prefix: string; customerId: string };
    expect(issued).toMatchObject({ customerId: customer.id, prefix: issued.apiKey.slice(0, 10) });
    expect(await statusOf(issued.apiKey)).toBe(201);

    const listed = await run('list', '--customer', customer.id);
    expect(listed).not.toContain(issued.apiKey);
    expect(JSON.parse(listed)).toEqual([expect.objectContaining({ id: issued.keyId, prefix: issued.prefix, state: 'active' })]);

    expect(JSON.parse(await run('revoke', '--id', String(issued.keyId)))).toEqual({ revoked: 1 });
    expect(await createOrder(issued.apiKey)).toEqual(INVALID);
  }, 60_000);
});
