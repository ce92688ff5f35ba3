import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { fork } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenericContainer, StartedTestContainer, Wait } from 'testcontainers';
import { containerRuntimeAvailable } from '../runtime/container-runtime';
import { freePort } from '../wait/free-port';
import { createTestDatabase, TestDatabase } from './test-database';
export type PostgresSource = 'env' | 'testcontainers' | 'embedded';

export interface TestPostgres {
  /** Admin URL of the server (database `postgres` unless DATABASE_URL names another). */
  url: string;
  source: PostgresSource;
  /** A new database with a random name; call drop() when the test is done. */
  createDatabase(prefix?: string): Promise<TestDatabase>;
  /** Releases this handle; the server stops when the last handle in the process is released. */
  stop(): Promise<void>;
}

interface Server {
  url: string;
  source: PostgresSource;
  shutdown(): Promise<void>;
}

async function startContainer(): Promise<Server> {
  const container: StartedTestContainer = await new GenericContainer('postgres:16-alpine')
    .withEnvironment({ POSTGRES_PASSWORD: 'postgres' })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  const url = `postgres://postgres:postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
  return { url, source: 'testcontainers', shutdown: async () => void (await container.stop()) };
}

async function startEmbedded(): Promise<Server> {
  // Not under /root: the server runs as user postgres and cannot traverse a 0700 parent.
  const dataDir = await mkdtemp(join(tmpdir(), 'order-platform-pg-'));
  await chmod(dataDir, 0o755); // mkdtemp makes it 0700
  const port = await freePort();
  const password = 'postgres';
  const child = fork(join(__dirname, 'embedded-postgres-process.js'), [dataDir, String(port), password], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('message', (message: { ready?: boolean; error?: string }) =>
        message.ready ? resolve() : reject(new Error(`embedded PostgreSQL failed: ${message.error}`)),
      );
      child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with code ${code}`)));
    });
  } catch (error) {
    child.kill();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  // A suite that forgets stop() must not keep Jest alive; the child stops itself when we exit.
  child.unref();
  child.channel?.unref();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    source: 'embedded',
    shutdown: async () => {
      child.channel?.ref();
      child.send('stop');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function startServer(): Promise<Server> {
  const fromEnv = process.env['DATABASE_URL'];
  if (fromEnv) return { url: fromEnv, source: 'env', shutdown: async () => undefined };
  if (await containerRuntimeAvailable()) return startContainer();
  return startEmbedded();
}

// One server per test process, shared by every suite in it and stopped with the last handle.
let shared: Promise<Server> | undefined;
let handles = 0;

/**
 * PostgreSQL for tests. Selection order: DATABASE_URL, else a testcontainers PostgreSQL when a
 * container runtime answers within 3 s, else embedded-postgres on a free port.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  shared ??= startServer();
  let server: Server;
  try {
    server = await shared;
  } catch (error) {
    shared = undefined;
    throw error;
  }
  handles += 1;
  let released = false;
  return {
    url: server.url,
    source: server.source,
    createDatabase: (prefix) => createTestDatabase(server.url, prefix),
    stop: async () => {
      if (released) return;
      released = true;
      handles -= 1;
      if (handles === 0 && shared) {
        shared = undefined;
        await server.shutdown();
      }
    },
  };
}
