import { createDataSourceOptions, runMigrations } from '@order-platform/persistence';
import { startTestPostgres, type TestDatabase, type TestPostgres, waitFor } from '@order-platform/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { paymentMigrations } from '../src/migrations';
import { PaymentRequestError, PostgresSandboxLedger, SandboxPaymentProvider, TransientPaymentError, type ChargeRequest } from '../src/providers';

/**
 * The sandbox provider's PostgreSQL ledger on real PostgreSQL. A "payment process" is a
 * DataSource (its own pool) with a new provider instance on it: stopping one and starting
 * another on the same database is a restart, two at once are two replicas.
 */

const SCHEMA = 'payment';
const SANDBOX = `"${SCHEMA}_sandbox"`;

describe('payment: sandbox ledger in PostgreSQL', () => {
  let postgres: TestPostgres;
  let database: TestDatabase;
  let sql: Client;
  const running = new Map<SandboxPaymentProvider, DataSource>();

  beforeAll(async () => {
    postgres = await startTestPostgres();
    database = await postgres.createDatabase('payment_sandbox');
    const migrate = await new DataSource(options()).initialize();
    try {
      await runMigrations(migrate);
    } finally {
      await migrate.destroy();
    }
    sql = new Client({ connectionString: database.url });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    for (const dataSource of running.values()) await dataSource.destroy().catch(() => undefined);
    await sql?.end();
    await database?.drop();
    await postgres?.stop();
  }, 60_000);

  function options() {
    return createDataSourceOptions({ url: database.url, schema: SCHEMA, migrations: paymentMigrations(SCHEMA), applicationName: 'sandbox-ledger-test' });
  }

  async function startPayment(): Promise<SandboxPaymentProvider> {
    const dataSource = await new DataSource(options()).initialize();
    const sandbox = new SandboxPaymentProvider({ ledger: new PostgresSandboxLedger(dataSource) });
    running.set(sandbox, dataSource);
    return sandbox;
  }

  async function stopPayment(sandbox: SandboxPaymentProvider): Promise<void> {
    await running.get(sandbox)?.destroy();
    running.delete(sandbox);
  }

  async function restart(sandbox: SandboxPaymentProvider): Promise<SandboxPaymentProvider> {
    await stopPayment(sandbox);
    return startPayment();
  }

  function chargeRequest(overrides: Partial<ChargeRequest> = {}): ChargeRequest {
    return {
      idempotencyKey: `charge:${randomUUID()}`,
      amountMinor: 10000,
      currency: 'EUR',
      customerId: 'cust-1',
      paymentMethod: { type: 'token', token: 'pm_card_visa' },
      metadata: { invoiceId: randomUUID() },
      ...overrides,
    };
  }

  async function chargesWithKey(key: string) {
    return (await sql.query(`SELECT provider_charge_id, amount_minor, refunded_minor FROM ${SANDBOX}.charges WHERE idempotency_key = $1`, [key])).rows;
  }

  async function charged(sandbox: SandboxPaymentProvider, amountMinor = 10000): Promise<string> {
    const result = await sandbox.charge(chargeRequest({ amountMinor }));
    if (result.status !== 'succeeded') throw new Error(`setup charge ${result.status}`);
    return result.providerChargeId;
  }

  /** Resolves once `count` backends of this database wait for a lock. */
  function lockWaiters(count: number) {
    return waitFor(
      async () =>
        (await sql.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows.length >= count,
      { timeoutMs: 10_000, description: `${count} requests waiting for a lock` },
    );
  }

  /** Holds `table` against inserts, in a transaction of its own, until `release` is called. */
  async function blockInserts(table: string) {
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`LOCK TABLE ${SANDBOX}.${table} IN EXCLUSIVE MODE`);
    return async () => {
      await blocker.query('COMMIT');
      await blocker.end();
    };
  }

  it('answers a charge retried after a restart (answer lost, payment crashed) with the first result, charging once', async () => {
    const before = await startPayment();
    before.injectTransientFaults({ times: 1, phase: 'after', operation: 'charge' });
    const request = chargeRequest();
    await expect(before.charge(request)).rejects.toMatchObject({ name: 'TransientPaymentError', code: 'timeout' });
    const [made] = await chargesWithKey(request.idempotencyKey);

    const after = await restart(before);
    const retried = await after.charge({ ...request });

    expect(retried).toEqual({
      status: 'succeeded',
      providerChargeId: made.provider_charge_id,
      amountMinor: 10000,
      currency: 'EUR',
      card: expect.objectContaining({ brand: 'visa', last4: '4242' }),
    });
    expect(await chargesWithKey(request.idempotencyKey)).toHaveLength(1);
    expect((await after.listCharges()).filter((c) => c.idempotencyKey === request.idempotencyKey)).toEqual([
      expect.objectContaining({ providerChargeId: made.provider_charge_id, amountMinor: 10000, refundedMinor: 0, metadata: request.metadata }),
    ]);
    await stopPayment(after);
  });

  it('replays a decline after a restart', async () => {
    const before = await startPayment();
    const request = chargeRequest({ paymentMethod: { type: 'token', token: 'pm_card_chargeDeclinedInsufficientFunds' } });
    const declined = await before.charge(request);
    expect(declined).toMatchObject({ status: 'declined', reason: 'insufficient_funds' });

    const after = await restart(before);
    expect(await after.charge(request)).toEqual(declined);
    await stopPayment(after);
  });

  it('refunds a charge made before a restart, within its bounds, once per key', async () => {
    const before = await startPayment();
    const chargeId = await charged(before, 10000);

    let sandbox = await restart(before);
    const partial = { idempotencyKey: `refund:${randomUUID()}`, providerChargeId: chargeId, amountMinor: 2500, currency: 'EUR' };
    const first = await sandbox.refund(partial);
    expect(first).toMatchObject({ status: 'succeeded', amountMinor: 2500, currency: 'EUR' });

    sandbox = await restart(sandbox);
    expect(await sandbox.refund(partial)).toEqual(first);
    await expect(
      sandbox.refund({ idempotencyKey: `refund:${randomUUID()}`, providerChargeId: chargeId, amountMinor: 8000, currency: 'EUR' }),
    ).resolves.toMatchObject({ status: 'failed', reason: 'amount_exceeds_charge' });
    await expect(sandbox.refund({ idempotencyKey: `refund:${randomUUID()}`, providerChargeId: chargeId })).resolves.toMatchObject({
      status: 'succeeded',
      amountMinor: 7500,
    });
    await expect(sandbox.refund({ idempotencyKey: `refund:${randomUUID()}`, providerChargeId: chargeId })).resolves.toMatchObject({
      status: 'failed',
      reason: 'already_refunded',
    });
    expect((await sandbox.listCharges()).find((c) => c.providerChargeId === chargeId)).toMatchObject({ amountMinor: 10000, refundedMinor: 10000 });
    expect((await sql.query(`SELECT amount_minor FROM ${SANDBOX}.refunds WHERE provider_charge_id = $1 ORDER BY amount_minor`, [chargeId])).rows).toEqual([
      { amount_minor: '2500' },
      { amount_minor: '7500' },
    ]);
    await stopPayment(sandbox);
  });

  it('refuses a key reused with a different request, also after a restart, and charges nothing more', async () => {
    const before = await startPayment();
    const request = chargeRequest();
    await before.charge(request);

    const error = await before.charge({ ...request, amountMinor: 999 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentRequestError);
    expect(error).toMatchObject({ code: 'idempotency_key_reused' });

    const after = await restart(before);
    await expect(after.charge({ ...request, customerId: 'cust-2' })).rejects.toMatchObject({ name: 'PaymentRequestError', code: 'idempotency_key_reused' });
    expect(await chargesWithKey(request.idempotencyKey)).toHaveLength(1);
    await stopPayment(after);
  });

  it('keeps tokens and cards on file across a restart, masked only', async () => {
    const before = await startPayment();
    const { token } = await before.tokenizeCard({ number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, holderName: 'Ada Lovelace' });
    const { reference } = await before.saveCardOnFile('cust-1', { number: '5555555555554444', expMonth: 3, expYear: 2099 });

    const after = await restart(before);
    await expect(after.charge(chargeRequest({ paymentMethod: { type: 'token', token } }))).resolves.toMatchObject({
      status: 'succeeded',
      card: { brand: 'visa', first6: '424242', last4: '4242', holderName: 'Ada Lovelace' },
    });
    await expect(after.charge(chargeRequest({ paymentMethod: { type: 'card_on_file', reference } }))).resolves.toMatchObject({
      status: 'succeeded',
      card: { brand: 'mastercard', last4: '4444' },
    });
    await expect(after.charge(chargeRequest({ customerId: 'cust-2', paymentMethod: { type: 'card_on_file', reference } }))).resolves.toMatchObject({
      status: 'declined',
      reason: 'invalid_payment_method',
    });
    const stored = JSON.stringify((await sql.query(`SELECT * FROM ${SANDBOX}.cards WHERE reference = ANY($1)`, [[token, reference]])).rows);
    expect(stored).toContain(reference);
    expect(stored).not.toContain('4242424242424242');
    expect(stored).not.toContain('5555555555554444');
    await stopPayment(after);
  });

  it('charges once when two replicas send the same key at the same moment', async () => {
    const [one, two] = [await startPayment(), await startPayment()];
    const request = chargeRequest();
    const release = await blockInserts('charges');
    let answers: Promise<unknown[]>;
    try {
      answers = Promise.all([one.charge(request), two.charge({ ...request })]);
      // One request claimed the key and waits to write its charge; the other waits on that claim.
      await lockWaiters(2);
    } finally {
      await release();
    }
    const [first, second] = await answers;

    expect(first).toMatchObject({ status: 'succeeded' });
    expect(second).toEqual(first);
    expect(await chargesWithKey(request.idempotencyKey)).toHaveLength(1);
    await stopPayment(one);
    await stopPayment(two);
  });

  it('never refunds more than was charged when two refunds of one charge run at the same moment', async () => {
    const [one, two] = [await startPayment(), await startPayment()];
    const chargeId = await charged(one, 10000);
    const refund = () => ({ idempotencyKey: `refund:${randomUUID()}`, providerChargeId: chargeId, amountMinor: 6000, currency: 'EUR' });
    const release = await blockInserts('refunds');
    let answers: Promise<unknown[]>;
    try {
      answers = Promise.all([one.refund(refund()), two.refund(refund())]);
      // One holds the charge and waits to write its refund; the other waits for the charge.
      await lockWaiters(2);
    } finally {
      await release();
    }
    const results = await answers;

    expect(results).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: 'succeeded', amountMinor: 6000 }),
        expect.objectContaining({ status: 'failed', reason: 'amount_exceeds_charge' }),
      ]),
    );
    expect((await one.listCharges()).find((c) => c.providerChargeId === chargeId)).toMatchObject({ refundedMinor: 6000 });
    await stopPayment(one);
    await stopPayment(two);
  });

  it('leaves the key free when the provider fails before answering', async () => {
    const sandbox = await startPayment();
    const { token } = await sandbox.tokenizeCard({ number: '4000000000000119', expMonth: 12, expYear: 2099 });
    const request = chargeRequest({ paymentMethod: { type: 'token', token } });
    await expect(sandbox.charge(request)).rejects.toMatchObject({ name: 'TransientPaymentError', code: 'processing_error' });
    expect((await sql.query(`SELECT 1 FROM ${SANDBOX}.idempotency_keys WHERE key = $1`, [request.idempotencyKey])).rows).toEqual([]);

    // Recorded, a different card under the same key would be refused as a reused key.
    await expect(sandbox.charge({ ...request, paymentMethod: { type: 'token', token: 'pm_card_visa' } })).resolves.toMatchObject({ status: 'succeeded' });
    expect(await chargesWithKey(request.idempotencyKey)).toHaveLength(1);
    await stopPayment(sandbox);
  });

  it('reports its database being unreachable as an unknown outcome, safe to retry', async () => {
    const sandbox = await startPayment();
    await running.get(sandbox)?.destroy();

    const error = await sandbox.charge(chargeRequest()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransientPaymentError);
    expect(error).toMatchObject({ code: 'api_error' });
    running.delete(sandbox);
  });
});
