import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquirePidFile, releasePidFile, runningPid } from '../pid-file';

describe('launcher pid file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'launcher-pid-'));
  const file = join(dir, 'launcher.pid');
  afterEach(() => rmSync(file, { force: true }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('claims a free pid file and releases it', () => {
    acquirePidFile(file);
    expect(runningPid(file)).toBe(process.pid);
    releasePidFile(file);
    expect(runningPid(file)).toBeUndefined();
  });

  it('refuses while another live process holds it', () => {
    writeFileSync(file, `${process.ppid}\n`);
    expect(() => acquirePidFile(file)).toThrow(`another launcher is running (pid ${process.ppid}`);
    releasePidFile(file); // not ours: left alone
    expect(readFileSync(file, 'utf8')).toBe(`${process.ppid}\n`);
  });

  it('replaces a stale one', () => {
    writeFileSync(file, '999999999\n');
    acquirePidFile(file);
    expect(readFileSync(file, 'utf8')).toBe(`${process.pid}\n`);
  });
});
