import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid recorded in `path` when that process is still alive, else undefined. */
export function runningPid(path: string): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
  } catch {
    return undefined;
  }
  return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : undefined;
}

/** Claims `path` for this process; refuses while another live process holds it, replaces a stale one. */
export function acquirePidFile(path: string, pid = process.pid): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${pid}\n`, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = runningPid(path);
      if (holder !== undefined && holder !== pid) {
        throw new Error(`another launcher is running (pid ${holder}, ${path}); stop it first`);
      }
      unlinkSync(path); // stale: its launcher is gone
    }
  }
  throw new Error(`could not claim ${path}`);
}

export function releasePidFile(path: string, pid = process.pid): void {
  try {
    if (Number.parseInt(readFileSync(path, 'utf8'), 10) === pid) unlinkSync(path);
  } catch {
    // already gone
  }
}
