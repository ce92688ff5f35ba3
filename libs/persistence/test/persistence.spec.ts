import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { startTestPostgres, TestDatabase, TestPostgres } from '@order-platform/testing';
import { DataSource, Entity, MigrationInterface, PrimaryColumn, QueryRunner } from 'typeorm';
import { createDataSourceOptions, CurrencyColumn, MoneyColumn, PersistenceModule, runMigrations } from '../src';

@Entity({ name: 'prices' })
class PriceRow {
  @PrimaryColumn('text')
  id: string;

  @MoneyColumn()
  amountMinor: number;

  @CurrencyColumn()
  currency: string;
}

class CreatePrices1700000000000 implements MigrationInterface {
  name = 'CreatePrices1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    // Unqualified on purpose: search_path puts it in the service schema.
    await runner.query(`CREATE TABLE prices (id text PRIMARY KEY, "amountMinor" bigint NOT NULL DEFAULT 0, currency char(3) NOT NULL)`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE prices');
  }
}

describe('persistence on PostgreSQL', () => {
  let postgres: TestPostgres;
  let database: TestDatabase;
  const schema = 'pricing_svc';

  beforeAll(async () => {
    postgres = await startTestPostgres();
  }, 60_000);

  afterAll(async () => {
    await postgres.stop();
  });

  beforeEach(async () => {
    database = await postgres.createDatabase('persistence');
  });

  afterEach(async () => {
    await database.drop();
  });

  function dataSource(): DataSource {
    return new DataSource(
      createDataSourceOptions({
        url: database.url,
        schema,
        entities: [PriceRow],
        migrations: [CreatePrices1700000000000],
        applicationName: 'persistence-spec',
        poolSize: 3,
      }),
    );
  }

  it('creates the schema, runs migrations into it (with its own migrations table) once', async () => {
    const ds = await dataSource().initialize();
    try {
      const first = await runMigrations(ds);
      expect(first.map((m) => m.name)).toEqual(['CreatePrices1700000000000']);
      expect(await runMigrations(ds)).toEqual([]);
      const tables = await ds.query(
        `SELECT table_schema, table_name FROM information_schema.tables WHERE table_name IN ('prices', 'migrations') ORDER BY table_name`,
      );
      expect(tables).toEqual([
        { table_schema: schema, table_name: 'migrations' },
        { table_schema: schema, table_name: 'prices' },
      ]);
      const [app] = await ds.query(`SELECT current_setting('application_name') AS name`);
      expect(app.name).toBe('persistence-spec');
    } finally {
      await ds.destroy();
    }
  });

  it('two data sources migrating at once do not collide', async () => {
    const [a, b] = await Promise.all([dataSource().initialize(), dataSource().initialize()]);
    try {
      const results = await Promise.all([runMigrations(a), runMigrations(b)]);
      expect(results.map((r) => r.length).sort()).toEqual([0, 1]);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
  });

  it('round-trips money as exact integers and refuses unsafe values from the database', async () => {
    const ds = await dataSource().initialize();
    try {
      await runMigrations(ds);
      const repo = ds.getRepository(PriceRow);
      await repo.save({ id: 'max', amountMinor: Number.MAX_SAFE_INTEGER, currency: 'EUR' });
      await repo.save({ id: 'neg', amountMinor: -1999, currency: 'JPY' });
      expect(await repo.findOneByOrFail({ id: 'max' })).toEqual({ id: 'max', amountMinor: Number.MAX_SAFE_INTEGER, currency: 'EUR' });
      expect((await repo.findOneByOrFail({ id: 'neg' })).amountMinor).toBe(-1999);
      await expect(repo.save({ id: 'bad', amountMinor: 0.5, currency: 'EUR' })).rejects.toThrow(/safe integer/);
      await expect(repo.save({ id: 'bad', amountMinor: 1, currency: 'eu' })).rejects.toThrow(/currency/);

      await ds.query(`INSERT INTO ${schema}.prices VALUES ('huge', 9007199254740993, 'EUR')`);
      await expect(repo.findOneByOrFail({ id: 'huge' })).rejects.toThrow(/MAX_SAFE_INTEGER/);
    } finally {
      await ds.destroy();
    }
  });

  it('PersistenceModule.forService reads DATABASE_URL/DATABASE_SCHEMA and migrates at start', async () => {
    const saved = { url: process.env['DATABASE_URL'], schema: process.env['DATABASE_SCHEMA'] };
    process.env['DATABASE_URL'] = database.url;
    delete process.env['DATABASE_SCHEMA'];
    try {
      const moduleRef = await Test.createTestingModule({
        imports: [PersistenceModule.forService({ serviceName: 'pricing-svc', entities: [PriceRow], migrations: [CreatePrices1700000000000] })],
      }).compile();
      const ds = moduleRef.get<DataSource>(getDataSourceToken());
      await ds.getRepository(PriceRow).save({ id: 'a', amountMinor: 100, currency: 'USD' });
      const [row] = await ds.query(`SELECT "amountMinor" FROM pricing_svc.prices WHERE id = 'a'`);
      expect(row.amountMinor).toBe('100');
      await moduleRef.close();
      expect(ds.isInitialized).toBe(false);
    } finally {
      if (saved.url === undefined) delete process.env['DATABASE_URL'];
      else process.env['DATABASE_URL'] = saved.url;
      if (saved.schema !== undefined) process.env['DATABASE_SCHEMA'] = saved.schema;
    }
  });
});
