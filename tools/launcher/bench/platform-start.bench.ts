import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { LauncherStatus } from '../src/runtime/status-file';
import { processTree, proportionalBytes, residentBytes, treeResidentBytes } from '../src/runtime/process-tree';
import { LauncherProcess, readJson, repositoryRoot } from '../test/support/launcher-process';
import { isolatedPlatformEnv } from '../test/support/platform-env';

// `npm run bench:start`: how long `npm start` takes to get every service ready on a fresh
// data directory (cold: initdb, migrations, demo seeding) and on a reused one (warm), and how
// much memory the whole platform holds once ready. Writes bench-results/platform-start.json.
const MiB = 1024 * 1024;
const SETTLE_MS = 5000;

async function run(env: NodeJS.ProcessEnv, dataDir: string, label: string) {
  const launcher = new LauncherProcess({ ...env, LAUNCHER_READY_TIMEOUT_MS: '300000' });
  const started = Date.now();
  try {
    await launcher.waitForLine(/\[launcher\] +ready in [\d.]+s/, 330000);
    const readyMs = Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const launcherPid = launcher.child.pid as number;
    const status = readJson<LauncherStatus>(join(dataDir, 'launcher-status.json'));
    const services = Object.fromEntries(
      Object.entries(status.services).map(([name, service]) => [name, round(treeResidentBytes(service.pid as number).totalBytes / MiB)]),
    );
    const tree = processTree(launcherPid);
    const postgres = tree.filter((pid) => command(pid) === 'postgres');
    const total = treeResidentBytes(launcherPid);
    const rssMiB = {
      total: round(total.totalBytes / MiB),
      // RSS counts shared pages (PostgreSQL's shared buffers, Node's code) once per process; PSS splits them.
      pssTotal: round(tree.reduce((sum, pid) => sum + proportionalBytes(pid), 0) / MiB),
      processes: total.processes,
      launcherWithBroker: round(residentBytes(launcherPid) / MiB),
      postgres: round(postgres.reduce((sum, pid) => sum + residentBytes(pid), 0) / MiB),
      postgresProcesses: postgres.length,
      services,
    };
    const stopStarted = Date.now();
    const exit = await launcher.stop('SIGINT', 60000);
    const result = { readyMs, stopMs: Date.now() - stopStarted, exitCode: exit.code, rssMiB };
    process.stdout.write(`${label}: ready in ${(readyMs / 1000).toFixed(1)}s, RSS ${rssMiB.total} MiB (PSS ${rssMiB.pssTotal} MiB) over ${total.processes} processes\n`);
    return result;
  } finally {
    await launcher.stop('SIGTERM', 60000);
  }
}

function command(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'launcher-bench-'));
  chmodSync(root, 0o755);
  const dataDir = join(root, 'data');
  try {
    // Always the embedded PostgreSQL: this measures `npm start` on a fresh machine.
    const { env } = await isolatedPlatformEnv(dataDir, undefined, '');
    const cold = await run(env, dataDir, 'cold start');
    const warm = await run(env, dataDir, 'warm start');
    const report = {
      benchmark: 'platform-start',
      measuredAt: new Date().toISOString(),
      machine: { cpus: cpus().length, memoryMiB: Math.round(totalmem() / MiB), node: process.version },
      method:
        'tools/launcher/main.ts as a child process, all seven services, embedded broker/PostgreSQL/mail capture, fresh data dir (cold) then the same dir again (warm); readyMs = spawn to the "ready" line; RSS = sum of VmRSS over the launcher and all its descendants, 5 s after ready',
      coldStart: cold,
      warmStart: warm,
    };
    mkdirSync(join(repositoryRoot, 'bench-results'), { recursive: true });
    writeFileSync(join(repositoryRoot, 'bench-results', 'platform-start.json'), `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write('written to bench-results/platform-start.json\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
