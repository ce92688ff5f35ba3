import { chmodSync, lstatSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ensureDatabase } from '../src/infrastructure/ensure-database';
import { startEmbeddedPostgres } from '../src/infrastructure/embedded-postgres';
import { ephemeralPort } from '../src/infrastructure/free-port';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  const roots: string[] = [];
  const tempRoot = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'launcher-pg-'));
    chmodSync(dir, 0o755); // mkdtemp makes 0700 dirs, which the postgres user could not enter
    roots.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of roots) rmSync(dir, { recursive: true, force: true });
  });

  it('initialises a data directory once, then reuses it with its data', async () => {
    const dataDir = join(tempRoot(), 'postgres');
    const port = await ephemeralPort();

    const first = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(first.initialisedNow).toBe(true);
      expect(first.clusterDir).toBe(dataDir);
      const url = first.url('launcher_probe');
      await ensureDatabase(url);
      await ensureDatabase(url); // idempotent
      await query(url, 'CREATE TABLE kept (value text); INSERT INTO kept VALUES (\'survives restart\')');
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir, port: await ephemeralPort() });
    try {
      expect(second.initialisedNow).toBe(false);
      expect(await query(second.url('launcher_probe'), 'SELECT value FROM kept')).toEqual([{ value: 'survives restart' }]);
    } finally {
      await second.stop();
    }
    await expect(query(second.url('postgres'), 'SELECT 1')).rejects.toThrow();
  });

  it('moves the cluster out from under a directory the postgres user cannot enter', async () => {
    if (process.getuid?.() !== 0) return expect(process.getuid?.()).not.toBe(0); // only root switches user
    const closed = join(tempRoot(), 'closed');
    mkdirSync(closed);
    chmodSync(closed, 0o700);
    const dataDir = join(closed, 'postgres');
    const pg = await startEmbeddedPostgres({ dataDir, port: await ephemeralPort() });
    try {
      expect(lstatSync(dataDir).isSymbolicLink()).toBe(true);
      expect(pg.clusterDir.startsWith(tmpdir())).toBe(true);
      expect(await query(pg.url('postgres'), 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await pg.stop();
      rmSync(pg.clusterDir, { recursive: true, force: true });
    }
  });
});
