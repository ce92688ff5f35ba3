import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoFile } from '../src/demo/demo-file';
import { probe } from '../src/readiness/wait-until-ready';
import type { LauncherStatus } from '../src/runtime/status-file';
import { SERVICE_CATALOG } from '../src/services/service-catalog';
import { LauncherProcess, readJson } from './support/launcher-process';
import { isolatedPlatformEnv, PlatformEnv } from './support/platform-env';

// `npm start` with the seven real services, as a developer runs it, in a throwaway data directory.
async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start (real services)', () => {
  const root = mkdtempSync(join(tmpdir(), 'launcher-e2e-'));
  const dataDir = join(root, 'data');
  let platform: PlatformEnv;
  let launcher: LauncherProcess | undefined;

  beforeAll(async () => {
    chmodSync(root, 0o755); // reachable by the postgres user the embedded server runs as
    platform = await isolatedPlatformEnv(dataDir);
  });

  afterAll(async () => {
    await launcher?.stop('SIGTERM', 60000);
    await platform?.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  it('starts every service, serves the gateway, survives a killed service and stops with exit 0', async () => {
    launcher = new LauncherProcess({ ...platform.env, LAUNCHER_READY_TIMEOUT_MS: '240000' });
    await launcher.waitForLine(/\[launcher\] +ready in [\d.]+s/, 270000);

    const demo = readJson<DemoFile>(join(dataDir, 'demo.json'));
    expect(demo.version).toBe(1);
    expect(Object.keys(demo.services)).toEqual(SERVICE_CATALOG.map((s) => s.name));
    expect(demo.gatewayUrl).toBe(`http://127.0.0.1:${platform.env.GATEWAY_HTTP_PORT}`);
    const health = await fetch(`${demo.gatewayUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${demo.gatewayUrl}/docs/json`)).status).toBe(200);

    // The demo data the launcher advertises is really there: the sample checkout request works.
    const sample = (demo.credentials.sampleRequests as { checkoutCart: { method: string; path: string; body: unknown } }).checkoutCart;
    const order = await fetch(`${demo.gatewayUrl}${sample.path}`, {
      method: sample.method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sample.body),
    });
    expect(order.status).toBe(200);
    expect(await order.json()).toMatchObject({ orderId: expect.any(String), status: 'pending' });

    const statusFile = join(dataDir, 'launcher-status.json');
    const before = readJson<LauncherStatus>(statusFile);
    process.kill(before.services.cart.pid as number, 'SIGKILL');
    await launcher.waitForLine(/\[launcher\] +cart exited \(signal SIGKILL\); restarting in 1s/, 10000);
    await until(() => {
      const cart = readJson<LauncherStatus>(statusFile).services.cart;
      return cart.state === 'running' && cart.pid !== before.services.cart.pid;
    }, 20000, 'cart to be restarted');
    await until(async () => (await probe(demo.services.cart.healthUrl, 2000)) === undefined, 120000, 'cart to be ready again');
    const after = readJson<LauncherStatus>(statusFile);
    for (const name of Object.keys(before.services).filter((name) => name !== 'cart')) {
      expect({ name, pid: after.services[name].pid }).toEqual({ name, pid: before.services[name].pid });
    }

    expect(await launcher.stop('SIGINT', 60000)).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, 'launcher.pid'))).toBe(false);
    expect(await probe(`${demo.gatewayUrl}/health`, 1000)).toBeDefined();
  }, 420000);
});
