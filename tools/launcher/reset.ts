import { lstatSync, readlinkSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dataPaths } from './src/runtime/launcher-config';
import { runningPid } from './src/runtime/pid-file';

// `npm run reset`: forget all local state (.data/), unless a launcher is using it.
const dataDir = resolve(__dirname, '..', '..', process.env.LAUNCHER_DATA_DIR || '.data');
const paths = dataPaths(dataDir);
const pid = runningPid(paths.pidFile);
if (pid !== undefined) {
  process.stderr.write(`[reset] a launcher is running (pid ${pid}); stop it (Ctrl-C) before resetting ${dataDir}\n`);
  process.exit(1);
}
// The PostgreSQL cluster may live outside .data/ behind a symlink (see embedded-postgres.ts).
try {
  if (lstatSync(paths.postgresDir).isSymbolicLink()) {
    const target = resolve(join(paths.postgresDir, '..'), readlinkSync(paths.postgresDir));
    rmSync(target, { recursive: true, force: true });
  }
} catch {
  // no postgres directory yet
}
rmSync(dataDir, { recursive: true, force: true });
process.stdout.write(`[reset] removed ${dataDir}\n`);
