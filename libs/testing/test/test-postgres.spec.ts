import { Client } from 'pg';
import { startTestPostgres, TestPostgres } from '../src';

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('startTestPostgres', () => {
  let postgres: TestPostgres;

  beforeAll(async () => {
    postgres = await startTestPostgres();
  }, 60_000);

  afterAll(async () => {
    await postgres.stop();
  });

  it('follows the selection order (DATABASE_URL first)', () => {
    expect(postgres.source).toEqual(process.env['DATABASE_URL'] ? 'env' : expect.stringMatching(/testcontainers|embedded/));
  });

  it('creates an isolated database per test and drops it', async () => {
    const database = await postgres.createDatabase('Libs Testing');
    expect(database.name).toMatch(/^libs_testing_[0-9a-f]{12}$/);
    const [row] = await query<{ db: string }>(database.url, 'select current_database() as db');
    expect(row.db).toBe(database.name);

    // An open connection must not stop the drop.
    const straggler = new Client({ connectionString: database.url });
    straggler.on('error', () => undefined);
    await straggler.connect();
    await database.drop();
    await straggler.end().catch(() => undefined);

    const rows = await query(postgres.url, 'select 1 from pg_database where datname = $1', [database.name]);
    expect(rows).toHaveLength(0);
  });

  it('shares one server between handles in a process', async () => {
    const second = await startTestPostgres();
    expect(second.url).toBe(postgres.url);
    await second.stop();
    // The first handle still works after the second was released.
    const database = await postgres.createDatabase();
    await database.drop();
  });
});
