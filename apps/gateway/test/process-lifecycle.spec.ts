import { startTestKafka, type TestKafka, waitFor } from '@order-platform/testing';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(ROOT, 'apps', 'gateway', 'src', 'main.ts');

function startGateway(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const { DATABASE_URL: _ignored, KAFKA_BROKERS: _alsoIgnored, ...inherited } = process.env;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await once(child, 'exit')) as [number | null];
  return code;
}

describe('gateway as a process (main.ts)', () => {
  it('exits 1 naming the variable when the configuration is invalid', async () => {
    const { child, output } = startGateway({ HTTP_PORT: 'not-a-port' });
    expect(await exitCode(child)).toBe(1);
    expect(output()).toContain('Invalid configuration:');
    expect(output()).toContain('KAFKA_BROKERS is required (comma-separated host:port)');
    expect(output()).toContain('HTTP_PORT must be a port number 0-65535');
  }, 30_000);

  describe('with a broker', () => {
    let kafka: TestKafka;

    beforeAll(async () => {
      kafka = await startTestKafka();
    }, 30_000);

    afterAll(async () => {
      await kafka?.stop();
    });

    it('serves /health and stops cleanly with exit code 0 on SIGTERM', async () => {
      const { child, output } = startGateway({ KAFKA_BROKERS: kafka.brokers.join(','), HTTP_PORT: '0', HTTP_HOST: '127.0.0.1' });
      try {
        const url = await waitFor(() => /listening on (http:\/\/[\d.]+:\d+)/.exec(output())?.[1], {
          timeoutMs: 45_000,
          description: 'gateway listening',
        });
        expect(await (await fetch(`${url}/health`)).json()).toEqual({ status: 'ok' });
        child.kill('SIGTERM');
        expect(await exitCode(child)).toBe(0);
        expect(output()).toContain('shutdown complete');
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }, 60_000);
  });
});
