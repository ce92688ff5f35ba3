import { Client } from 'pg';
import { setUpOnTestInfra, startTestInfra } from '../infra/start-test-infra';
import { SchemaSql } from '../postgres/schema-sql';
import { startTestPostgres, type TestPostgres } from '../postgres/start-test-postgres';

describe('startTestInfra (real PostgreSQL + Kafka)', () => {
  // A handle of our own keeps the shared server up to look at it after an infra has stopped.
  let postgres: TestPostgres;

  beforeAll(async () => {
    postgres = await startTestPostgres();
  }, 90_000);

  afterAll(() => postgres?.stop(), 60_000);

  async function databaseExists(name: string): Promise<boolean> {
    const admin = new Client({ connectionString: postgres.url });
    await admin.connect();
    try {
      return (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
    } finally {
      await admin.end();
    }
  }

  it('stop() closes what was registered last first, goes on past a failing close, then drops the database', async () => {
    const infra = await startTestInfra('infra_test');
    expect(infra.database.name).toMatch(/^infra_test_[0-9a-f]{12}$/);
    expect(infra.kafka.brokers.length).toBeGreaterThan(0);
    expect(await databaseExists(infra.database.name)).toBe(true);

    const closed: string[] = [];
    infra.onStop(() => void closed.push('service'));
    infra.onStop(() => {
      closed.push('consumer');
      throw new Error('consumer would not close');
    });
    infra.onStop(async () => void closed.push('connection'));

    await expect(infra.stop()).rejects.toThrow('consumer would not close');
    expect(closed).toEqual(['connection', 'consumer', 'service']);
    expect(await databaseExists(infra.database.name)).toBe(false);
  }, 90_000);

  it('setUpOnTestInfra stops what the set-up had started when it throws, and reports its error', async () => {
    let name = '';
    const closed: string[] = [];
    await expect(
      setUpOnTestInfra('infra_test', async (infra) => {
        name = infra.database.name;
        infra.onStop(() => void closed.push('service'));
        throw new Error('the service did not start');
      }),
    ).rejects.toThrow('the service did not start');
    expect(closed).toEqual(['service']);
    expect(await databaseExists(name)).toBe(false);
  }, 90_000);

  it('SchemaSql reads a schema through $schema', async () => {
    const infra = await startTestInfra('infra_test');
    const sql = await SchemaSql.connect(infra.database.url, 'billing_1a2b');
    infra.onStop(() => sql.end());
    try {
      await sql.rows('CREATE SCHEMA "billing_1a2b"');
      await sql.rows('CREATE TABLE $schema.outbox (key text, topic text)');
      await sql.rows(`INSERT INTO $schema.outbox VALUES ($1, 'InvoiceCreated'), ('other', 'InvoiceVoided')`, ['order-1']);
      expect(await sql.rows('SELECT topic FROM $schema.outbox WHERE key = $1', ['order-1'])).toEqual([{ topic: 'InvoiceCreated' }]);
    } finally {
      await infra.stop();
    }
  }, 90_000);
});
