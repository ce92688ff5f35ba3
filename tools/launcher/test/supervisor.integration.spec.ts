import { join } from 'node:path';
import { ephemeralPort } from '../src/infrastructure/free-port';
import { probe, waitUntilReady } from '../src/readiness/wait-until-ready';
import { ProcessSpec, Supervisor } from '../src/services/supervisor';

const fixture = join(__dirname, 'fixtures', 'health-server.js');

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Supervisor with real child processes', () => {
  it('reports and restarts a SIGKILLed service while the others keep serving, then stops them all', async () => {
    const names = ['alpha', 'beta', 'gamma'];
    const ports = await Promise.all(names.map(() => ephemeralPort()));
    const specs: ProcessSpec[] = names.map((name, index) => ({
      name,
      command: process.execPath,
      args: [fixture],
      env: { PATH: process.env.PATH, HTTP_PORT: String(ports[index]), SERVICE_NAME: name },
    }));
    const targets = names.map((name, index) => ({ name, url: `http://127.0.0.1:${ports[index]}/health/ready` }));
    const notices: string[] = [];
    const output: string[] = [];
    const supervisor = new Supervisor(specs, {
      policy: { initialDelayMs: 200, factor: 2, maxDelayMs: 1000, stableAfterMs: 10000 },
      stopTimeoutMs: 5000,
      onNotice: (message) => notices.push(message),
      onOutput: (name, line) => output.push(`${name}: ${line}`),
    });

    supervisor.start();
    try {
      await waitUntilReady(targets, { timeoutMs: 20000, intervalMs: 50 });
      const before = Object.fromEntries(supervisor.status().map((s) => [s.name, s.pid]));
      expect(Object.values(before).every((pid) => typeof pid === 'number')).toBe(true);

      process.kill(before.beta as number, 'SIGKILL');
      await until(() => notices.length > 0, 5000);
      expect(notices[0]).toBe('beta exited (signal SIGKILL); restarting in 0.2s');
      expect(await probe(targets[0].url, 1000)).toBeUndefined();
      expect(await probe(targets[2].url, 1000)).toBeUndefined();

      await until(() => {
        const beta = supervisor.status().find((s) => s.name === 'beta');
        return beta?.state === 'running' && beta.pid !== before.beta;
      }, 10000);
      await waitUntilReady([targets[1]], { timeoutMs: 10000, intervalMs: 50 });
      const after = Object.fromEntries(supervisor.status().map((s) => [s.name, s.pid]));
      expect(after.alpha).toBe(before.alpha);
      expect(after.gamma).toBe(before.gamma);
      expect(after.beta).not.toBe(before.beta);
      expect(supervisor.status().map((s) => s.restarts)).toEqual([0, 1, 0]);
      expect(output.filter((line) => line.includes(`listening on ${ports[1]}`))).toHaveLength(2);
    } finally {
      await supervisor.stop();
    }

    expect(supervisor.status().map((s) => s.state)).toEqual(['stopped', 'stopped', 'stopped']);
    for (const target of targets) expect(await probe(target.url, 1000)).toBeDefined();
    expect(output.filter((line) => line.includes('stopping'))).toHaveLength(3);
    expect(notices).toHaveLength(1);
  });

  it('names the service that is not ready and shows its last log lines', async () => {
    const port = await ephemeralPort();
    const supervisor = new Supervisor([
      { name: 'broken', command: process.execPath, args: ['-e', 'console.log("cannot reach database"); setInterval(() => {}, 1000)'], env: { PATH: process.env.PATH } },
    ]);
    supervisor.start();
    try {
      await until(() => supervisor.recentLines('broken').length > 0, 5000);
      await expect(
        waitUntilReady([{ name: 'broken', url: `http://127.0.0.1:${port}/health/ready` }], {
          timeoutMs: 300,
          intervalMs: 50,
          explain: (name) => supervisor.recentLines(name).join('\n'),
        }),
      ).rejects.toThrow(/not ready after 0s: broken\n- broken: http:\/\/127\.0\.0\.1:\d+\/health\/ready -> ECONNREFUSED\ncannot reach database/);
    } finally {
      await supervisor.stop();
    }
  });
});
