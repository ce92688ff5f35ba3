import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const workspaceRoot = resolve(__dirname, '..', '..', '..');

function runReset(dataDir: string) {
  return spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/launcher/reset.ts'], {
    cwd: workspaceRoot,
    env: { ...process.env, LAUNCHER_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

describe('npm run reset', () => {
  const root = mkdtempSync(join(tmpdir(), 'launcher-reset-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses while the launcher named in the pid file is alive', async () => {
    const dataDir = join(root, 'busy');
    mkdirSync(dataDir);
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      writeFileSync(join(dataDir, 'launcher.pid'), `${holder.pid}\n`);
      const result = runReset(dataDir);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`a launcher is running (pid ${holder.pid})`);
      expect(existsSync(dataDir)).toBe(true);
    } finally {
      holder.kill('SIGKILL');
      await new Promise((done) => holder.once('exit', done));
    }
  });

  it('removes the data directory, the PostgreSQL cluster behind its symlink, and ignores a stale pid file', () => {
    const dataDir = join(root, 'idle');
    const cluster = join(root, 'cluster-elsewhere');
    mkdirSync(join(dataDir, 'mail'), { recursive: true });
    mkdirSync(cluster);
    writeFileSync(join(cluster, 'PG_VERSION'), '17\n');
    symlinkSync(cluster, join(dataDir, 'postgres'));
    writeFileSync(join(dataDir, 'launcher.pid'), '999999999\n');

    const result = runReset(dataDir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`removed ${dataDir}`);
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(cluster)).toBe(false);
  });
});
