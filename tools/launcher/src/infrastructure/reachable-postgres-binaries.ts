import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import type { PostgresBinaries } from './postgres-binaries';
import { firstBlockedAncestor, type RunAs } from './postgres-user';

const COMPLETE_MARKER = '.order-platform-copy-complete';

/**
 * As root the server runs as `postgres`, which cannot execute binaries under a directory closed
 * to it (a checkout in /root, or in a 0700 mktemp directory). Then the package's native tree
 * (bin, lib, share: about 60 MB) is copied once to the OS temp directory and used from there;
 * later starts reuse the copy. Returns the binaries unchanged when they are reachable.
 */
export function reachablePostgresBinaries(binaries: PostgresBinaries, runAs: RunAs | undefined, notice: (message: string) => void): PostgresBinaries {
  if (!runAs) return binaries;
  const blocked = firstBlockedAncestor(binaries.postgres, runAs);
  if (!blocked) return binaries;

  const nativeDir = dirname(dirname(binaries.postgres));
  const copyDir = join(tmpdir(), `order-platform-postgres-bin-${fingerprint(nativeDir)}`);
  if (!existsSync(join(copyDir, COMPLETE_MARKER))) {
    // Copy beside the target, then rename: a second launcher starting meanwhile never sees half a tree.
    const staging = mkdtempSync(`${copyDir}.staging-`);
    try {
      cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
      writeFileSync(join(staging, COMPLETE_MARKER), nativeDir);
      chmodSync(staging, 0o755); // mkdtemp made it 0700
      rmSync(copyDir, { recursive: true, force: true });
      renameSync(staging, copyDir);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(copyDir, COMPLETE_MARKER))) throw error;
    }
    notice(`PostgreSQL binaries under ${blocked} are not reachable by user postgres; copied them to ${copyDir}`);
  }
  return {
    initdb: join(copyDir, relative(nativeDir, binaries.initdb)),
    postgres: join(copyDir, relative(nativeDir, binaries.postgres)),
  };
}

/** Same package version at the same place: same copy; an upgrade gets a fresh one. */
function fingerprint(nativeDir: string): string {
  const packageJson = join(dirname(nativeDir), 'package.json');
  const version = existsSync(packageJson) ? String(JSON.parse(readFileSync(packageJson, 'utf8')).version) : 'unknown';
  return createHash('sha256').update(`${nativeDir}\0${version}`).digest('hex').slice(0, 12);
}
