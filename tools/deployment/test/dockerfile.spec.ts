import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { WORKSPACE_ROOT } from '../src/workspace-root';

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions with line continuations joined and comments dropped. */
function readInstructions(): Instruction[] {
  const text = readFileSync(path.join(WORKSPACE_ROOT, 'Dockerfile'), 'utf8');
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const [keyword, ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** The instructions of the last stage, the image that runs. */
function runtimeStage(instructions: Instruction[]): Instruction[] {
  const lastFrom = instructions.map((i) => i.keyword).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}

describe('Dockerfile', () => {
  const instructions = readInstructions();
  const runtime = runtimeStage(instructions);
  const args = (keyword: string, from = runtime) => from.filter((i) => i.keyword === keyword).map((i) => i.args);

  it('builds on a pinned Node LTS image', () => {
    const nodeImage = /^NODE_IMAGE=(\S+)$/.exec(args('ARG', instructions)[0] ?? '')?.[1];
    expect(nodeImage).toMatch(/^node:(22|24)\.\d+\.\d+-(bookworm-slim|alpine\d*\.?\d*)$/);
    for (const from of args('FROM', instructions)) expect(from).toMatch(/^\$\{NODE_IMAGE\} AS [a-z-]+$/);
  });

  it('installs dependencies with npm ci in a separate stage', () => {
    expect(args('RUN', instructions).some((run) => /\bnpm ci\b/.test(run))).toBe(true);
    expect(args('COPY').some((copy) => copy.startsWith('--from=deps '))).toBe(true);
  });

  it('selects the app with ARG SERVICE and runs its TypeScript through @swc-node/register', () => {
    expect(args('ARG')).toContain('SERVICE');
    const cmd = args('CMD');
    expect(cmd).toHaveLength(1);
    expect(cmd[0]).toMatch(/node -r @swc-node\/register apps\/\$\{SERVICE\}\/src\/main\.ts$/);
  });

  it('runs in production mode as a non-root user', () => {
    expect(args('ENV').join(' ')).toMatch(/NODE_ENV=production/);
    const user = args('USER');
    expect(user).toHaveLength(1);
    expect(user[0]).toMatch(/^[1-9]\d*(:\d+)?$/);
    // Numeric, so Kubernetes can verify runAsNonRoot without a passwd lookup.
    expect(runtime.findIndex((i) => i.keyword === 'USER')).toBeGreaterThan(runtime.findIndex((i) => i.keyword === 'COPY'));
  });

  it('exposes the service port and checks /health', () => {
    expect(args('EXPOSE')).toEqual(['${HTTP_PORT}']);
    const healthcheck = args('HEALTHCHECK').join(' ');
    expect(healthcheck).toContain('/health');
    expect(healthcheck).toContain('process.env.HTTP_PORT');
  });

  it('copies only paths that exist and that .dockerignore lets through', () => {
    const ignored = readFileSync(path.join(WORKSPACE_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '.git']));
    const sources = args('COPY', instructions)
      .filter((copy) => !copy.startsWith('--from='))
      .flatMap((copy) => copy.split(/\s+/).slice(0, -1))
      .map((source) => source.replace('${SERVICE}', 'gateway'));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect({ source, exists: existsSync(path.join(WORKSPACE_ROOT, source)) }).toEqual({ source, exists: true });
      expect({ source, ignored: ignored.includes(source) }).toEqual({ source, ignored: false });
    }
  });
});
