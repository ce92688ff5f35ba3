import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LauncherStatus, orphanedServicePids, readStatusFile, writeStatusFile } from '../status-file';

describe('launcher status file', () => {
  const root = mkdtempSync(join(tmpdir(), 'launcher-status-'));
  let service: ChildProcess;

  beforeAll(async () => {
    const entry = join(root, 'apps', 'cart', 'src', 'main.js');
    mkdirSync(join(root, 'apps', 'cart', 'src'), { recursive: true });
    writeFileSync(entry, "console.log('up'); setInterval(() => {}, 1000);");
    service = spawn(process.execPath, [entry], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise((resolve) => service.stdout?.once('data', resolve));
  });

  afterAll(async () => {
    if (service.exitCode === null) {
      service.kill('SIGKILL');
      await new Promise((resolve) => service.once('exit', resolve));
    }
    rmSync(root, { recursive: true, force: true });
  });

  const status = (launcherPid: number, entry: string): LauncherStatus => ({
    version: 1,
    launcherPid,
    phase: 'ready',
    updatedAt: new Date().toISOString(),
    services: { cart: { pid: service.pid, port: 3101, state: 'running', restarts: 0, entry } },
  });

  it('round-trips through the file', () => {
    const file = join(root, 'launcher-status.json');
    writeStatusFile(file, 'ready', [{ name: 'cart', pid: 42, state: 'running', restarts: 2 }], { cart: { port: 3101, entry: 'apps/cart/src/main.ts' } });
    expect(readStatusFile(file)).toMatchObject({
      version: 1,
      launcherPid: process.pid,
      phase: 'ready',
      services: { cart: { pid: 42, state: 'running', restarts: 2, port: 3101, entry: 'apps/cart/src/main.ts' } },
    });
    expect(readStatusFile(join(root, 'missing.json'))).toBeUndefined();
  });

  it('finds service processes left by a launcher that is gone', () => {
    expect(orphanedServicePids(status(999999999, 'apps/cart/src/main.js'))).toEqual([service.pid]);
  });

  it('leaves them alone while their launcher lives, and never touches a pid now running something else', () => {
    expect(orphanedServicePids(status(process.pid, 'apps/cart/src/main.js'))).toEqual([]);
    expect(orphanedServicePids(status(999999999, 'apps/billing/src/main.ts'))).toEqual([]);
    expect(orphanedServicePids(undefined)).toEqual([]);
  });
});
