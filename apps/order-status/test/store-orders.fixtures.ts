import type { StoreOrderView } from '@order-platform/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { insertStoreOrder, type StoreOrderSeed } from '../src/store-orders/store-order-seed';
import { issueStoreToken, type IssuedStoreToken } from '../src/store-orders/store-token-admin';

/** A SQL connection into the service's own schema (tests arrange stores and orders directly). */
export async function connectToSchema(databaseUrl: string, schema: string): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl, options: `-c search_path=${schema}` });
  await client.connect();
  return client;
}

export function sqlOf(client: Client) {
  return { query: async (text: string, values?: unknown[]) => (await client.query(text, values)).rows };
}

export async function newStore(client: Client): Promise<IssuedStoreToken> {
  return issueStoreToken(sqlOf(client), `Test store ${randomBytes(4).toString('hex')}`, 'IDR');
}

/** A New, unpaid store order with a random number; returns the number and the platform order id. */
export async function newStoreOrder(client: Client, storeId: number, overrides: Partial<StoreOrderSeed> = {}): Promise<{ number: string; orderId: string }> {
  const number = randomBytes(4).toString('hex').toUpperCase();
  const orderId = randomUUID();
  await insertStoreOrder(sqlOf(client), {
    orderId,
    storeId,
    number,
    currency: 'IDR',
    totalMinor: 1000000,
    taxMinor: 100000,
    serviceChargeMinor: 0,
    grandTotalMinor: 1100000,
    channel: 4,
    paymentMethod: 1,
    user: { id: 9, name: 'Test', phone: '+620000' },
    ...overrides,
  });
  return { number, orderId };
}

export type ActionReply = { ok: true; data: StoreOrderView } | { ok: false; error: { code: string; message: string; details?: { refusal?: string } } };
