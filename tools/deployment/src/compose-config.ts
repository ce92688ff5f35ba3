import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { WORKSPACE_ROOT } from './workspace-root';

export interface ComposeCheckResult {
  ok: boolean;
  output: string;
}

export interface ComposeHealthcheck {
  test?: string[] | string;
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
  disable?: boolean;
}

export interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string; args?: Record<string, string> };
  environment?: Record<string, string | null>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: ComposeHealthcheck;
  ports?: Array<string | { target: number; published: number | string }>;
  command?: string[] | string;
  entrypoint?: string[] | string;
  restart?: string;
  stop_grace_period?: string;
}

export interface ComposeFile {
  version?: string;
  name?: string;
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const COMPOSE_FILE = path.join(WORKSPACE_ROOT, 'docker-compose.yml');

function runDockerCompose(args: string[]): ComposeCheckResult {
  const result = spawnSync('docker-compose', ['-f', COMPOSE_FILE, ...args], {
    cwd: WORKSPACE_ROOT,
    encoding: 'utf8',
    // Fixed values so the check does not depend on the caller's shell.
    env: { ...process.env, POSTGRES_PASSWORD: 'orders', LOG_LEVEL: 'info', STRIPE_API_KEY: '' },
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      'docker-compose is not installed: the compose file cannot be validated. ' +
        'Install it with `apt-get install -y docker-compose` (v1.29 validates offline).',
    );
  }
  if (result.error) throw result.error;
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** `docker-compose config -q`: the offline schema and interpolation check. */
export function validateComposeFile(): ComposeCheckResult {
  return runDockerCompose(['config', '-q']);
}

/** The compose file as docker-compose resolves it (anchors merged, variables interpolated). */
export function loadResolvedComposeFile(): ComposeFile {
  const result = runDockerCompose(['config']);
  if (!result.ok) throw new Error(`docker-compose config failed:\n${result.output}`);
  return parse(result.output) as ComposeFile;
}

/** The compose file exactly as written in the repository. */
export function readComposeSource(): string {
  return readFileSync(COMPOSE_FILE, 'utf8');
}
