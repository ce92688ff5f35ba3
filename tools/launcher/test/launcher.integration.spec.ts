import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { createTransport } from 'nodemailer';
import { Client } from 'pg';
import type { DemoFile } from '../src/demo/demo-file';
import { ephemeralPort } from '../src/infrastructure/free-port';
import { probe } from '../src/readiness/wait-until-ready';
import { isProcessAlive } from '../src/runtime/pid-file';
import type { LauncherStatus } from '../src/runtime/status-file';
import { LauncherProcess, readJson } from './support/launcher-process';

// The real launcher (main.ts) with stand-in services: embedded broker, PostgreSQL and mail
// capture are real; each service is a tiny HTTP server that records the environment it got.
const services = ['gateway', 'cart', 'email'];
const fixture = join(__dirname, 'fixtures', 'health-server.js');

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('launcher with stand-in services', () => {
  const root = mkdtempSync(join(tmpdir(), 'launcher-run-'));
  const workspace = join(root, 'workspace');
  const stuckWorkspace = join(root, 'stuck-workspace');
  const dataDir = join(root, 'data');
  let env: NodeJS.ProcessEnv;
  let launcher: LauncherProcess | undefined;

  beforeAll(async () => {
    chmodSync(root, 0o755); // the embedded PostgreSQL runs as user postgres and must reach dataDir
    for (const name of services) {
      mkdirSync(join(workspace, 'apps', name, 'src'), { recursive: true });
      writeFileSync(
        join(workspace, 'apps', name, 'src', 'main.ts'),
        [
          `import { writeFileSync } from 'node:fs';`,
          `const keys = ['HTTP_PORT', 'HTTP_HOST', 'DATABASE_URL', 'KAFKA_BROKERS', 'SMTP_URL', 'DEMO_DATA', 'LOG_LEVEL'];`,
          `writeFileSync(__dirname + '/env.json', JSON.stringify(Object.fromEntries(keys.map((k) => [k, process.env[k] ?? null]))));`,
          `process.env.SERVICE_NAME = '${name}';`,
          `require(${JSON.stringify(fixture)});`,
        ].join('\n'),
      );
    }
    // Same services, but cart never serves HTTP: it only says why.
    for (const name of services) {
      mkdirSync(join(stuckWorkspace, 'apps', name, 'src'), { recursive: true });
      const body = name === 'cart'
        ? `console.log(JSON.stringify({ level: 50, time: Date.now(), msg: 'migration failed', err: { message: 'relation "orders" already exists' } })); setInterval(() => {}, 1000);`
        : `process.env.SERVICE_NAME = '${name}'; require(${JSON.stringify(fixture)});`;
      writeFileSync(join(stuckWorkspace, 'apps', name, 'src', 'main.ts'), body);
    }
    env = {
      LAUNCHER_WORKSPACE_ROOT: workspace,
      LAUNCHER_DATA_DIR: dataDir,
      LAUNCHER_SERVICES: services.join(','),
      KAFKA_PORT: String(await ephemeralPort()),
      PG_PORT: String(await ephemeralPort()),
      SMTP_PORT: String(await ephemeralPort()),
      GATEWAY_HTTP_PORT: String(await ephemeralPort()),
      CART_HTTP_PORT: String(await ephemeralPort()),
      EMAIL_HTTP_PORT: String(await ephemeralPort()),
      DATABASE_URL: '',
      KAFKA_BROKERS: '',
      SMTP_URL: '',
      LAUNCHER_READY_TIMEOUT_MS: '60000',
    };
  });

  afterEach(async () => {
    await launcher?.stop('SIGTERM', 30000); // escalates to SIGKILL; a graceful stop also stops PostgreSQL
    launcher = undefined;
  });

  afterAll(() => {
    const cluster = join(dataDir, 'postgres');
    if (existsSync(cluster)) rmSync(cluster, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  it('starts everything, reports where it is, restarts a killed service and stops cleanly on SIGINT', async () => {
    launcher = new LauncherProcess(env);
    await launcher.waitForLine(/\[launcher\] +ready in [\d.]+s/, 90000);

    const demo = readJson<DemoFile>(join(dataDir, 'demo.json'));
    expect(demo).toMatchObject({ version: 1, gatewayUrl: `http://127.0.0.1:${env.GATEWAY_HTTP_PORT}`, mailDir: join(dataDir, 'mail') });
    expect(demo.docsUrl).toBe(`${demo.gatewayUrl}/docs`);
    expect(Object.keys(demo.services)).toEqual(services);
    expect(demo.credentials).toHaveProperty('customers');
    // The stand-in gateway serves no AsyncAPI document, so the launcher's own copy is linked.
    expect(demo.asyncApiUrl).toBe(pathToFileURL(join(dataDir, 'asyncapi.json')).toString());
    const asyncApi = readJson<{ asyncapi: string }>(join(dataDir, 'asyncapi.json'));
    expect(asyncApi.asyncapi).toMatch(/^3\./);
    expect(JSON.stringify(asyncApi)).toContain('CartUpdated');
    expect(JSON.stringify(asyncApi)).toContain(demo.kafkaBrokers);
    expect(await probe(`${demo.gatewayUrl}/health`, 2000)).toBeUndefined();

    // Each service got the platform's endpoints; only email gets SMTP, only databases users get DATABASE_URL.
    const seen = (name: string) => readJson<Record<string, string | null>>(join(workspace, 'apps', name, 'src', 'env.json'));
    expect(seen('email')).toEqual({
      HTTP_PORT: env.EMAIL_HTTP_PORT, HTTP_HOST: '127.0.0.1', DATABASE_URL: demo.databaseUrl, KAFKA_BROKERS: demo.kafkaBrokers,
      SMTP_URL: demo.smtpUrl, DEMO_DATA: 'true', LOG_LEVEL: 'info',
    });
    expect(seen('gateway')).toMatchObject({ DATABASE_URL: null, SMTP_URL: null });

    // The infrastructure behind those endpoints is real.
    const db = new Client({ connectionString: demo.databaseUrl });
    await db.connect();
    expect((await db.query('SELECT current_database() AS name')).rows).toEqual([{ name: 'order_platform' }]);
    await db.end();
    const admin = new Kafka({ brokers: [demo.kafkaBrokers], clientId: 'launcher-test', logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'LauncherProbe', numPartitions: 1 }] });
    expect(await admin.listTopics()).toContain('LauncherProbe');
    await admin.disconnect();
    const transport = createTransport({ url: demo.smtpUrl, ignoreTLS: true });
    await transport.sendMail({ from: 'shop@example.test', to: 'customer@example.test', subject: 'Order confirmed', text: 'hi' });
    transport.close();
    await until(() => readdirSync(demo.mailDir).some((file) => file.endsWith('.eml')), 5000);
    await launcher.waitForLine(/\[mail\] +mail "Order confirmed" from shop@example\.test/, 5000);

    // Kill one service: reported, restarted, ready again; the others keep their processes.
    const before = readJson<LauncherStatus>(join(dataDir, 'launcher-status.json'));
    expect(before).toMatchObject({ version: 1, launcherPid: launcher.child.pid, phase: 'ready' });
    process.kill(before.services.cart.pid as number, 'SIGKILL');
    await launcher.waitForLine(/\[launcher\] +cart exited \(signal SIGKILL\); restarting in 1s/, 5000);
    await until(() => {
      const now = readJson<LauncherStatus>(join(dataDir, 'launcher-status.json')).services.cart;
      return now.state === 'running' && now.pid !== before.services.cart.pid;
    }, 15000);
    await until(async () => (await probe(demo.services.cart.healthUrl, 1000)) === undefined, 15000);
    const after = readJson<LauncherStatus>(join(dataDir, 'launcher-status.json'));
    expect(after.services.gateway.pid).toBe(before.services.gateway.pid);
    expect(after.services.email.pid).toBe(before.services.email.pid);
    expect(after.services.cart.restarts).toBe(1);

    const exit = await launcher.stop('SIGINT', 30000);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(launcher.lines.some((line) => /\[launcher\] +stopped/.test(line))).toBe(true);
    expect(existsSync(join(dataDir, 'launcher.pid'))).toBe(false);
    for (const name of services) expect(await probe(demo.services[name].healthUrl, 1000)).toBeDefined();
    const gone = new Client({ connectionString: demo.databaseUrl, connectionTimeoutMillis: 1000 });
    await expect(gone.connect()).rejects.toThrow();
    await gone.end().catch(() => undefined);
  });

  it('reuses the data directory on the next start and refuses a second launcher on it', async () => {
    launcher = new LauncherProcess(env);
    await launcher.waitForLine(/\[launcher\] +ready in/, 90000);
    expect(launcher.lines.some((line) => /embedded PostgreSQL on .* \(reused /.test(line))).toBe(true);

    const second = new LauncherProcess(env);
    const result = await second.exited;
    expect(result.code).toBe(1);
    expect(second.lines.join('\n')).toContain(`another launcher is running (pid ${launcher.child.pid}`);

    expect(await launcher.stop('SIGTERM', 30000)).toEqual({ code: 0, signal: null });
  });

  it('names the service that never gets ready with its last log lines, stops everything and exits 1', async () => {
    launcher = new LauncherProcess({ ...env, LAUNCHER_WORKSPACE_ROOT: stuckWorkspace, LAUNCHER_READY_TIMEOUT_MS: '10000' }); // the stand-ins need ~1 s, even on a busy machine
    const result = await launcher.exited;
    const output = launcher.lines.join('\n');
    expect(result).toEqual({ code: 1, signal: null });
    expect(output).toContain('[launcher] start failed: not ready after 10s: cart');
    expect(output).toMatch(new RegExp(`- cart: http://127\\.0\\.0\\.1:${env.CART_HTTP_PORT}/health/ready -> ECONNREFUSED`));
    expect(output).toMatch(/\n {4}[\d:.]+ ERROR migration failed err="relation \\"orders\\" already exists"/); // cart's last lines
    expect(output).not.toMatch(/- (gateway|email):/);
    expect(existsSync(join(dataDir, 'launcher.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'launcher-status.json'))).toBe(false);
    expect(await probe(`http://127.0.0.1:${env.GATEWAY_HTTP_PORT}/health`, 1000)).toBeDefined();
  });

  it('stops what it started when interrupted before the services are ready, and exits 0', async () => {
    launcher = new LauncherProcess({ ...env, LAUNCHER_WORKSPACE_ROOT: stuckWorkspace });
    await launcher.waitForLine(/\[launcher\] +starting gateway:/, 60000);
    expect(await launcher.stop('SIGTERM', 30000)).toEqual({ code: 0, signal: null });
    expect(launcher.lines.some((line) => /\[launcher\] +stopped/.test(line))).toBe(true);
    expect(existsSync(join(dataDir, 'launcher.pid'))).toBe(false);
    const gone = new Client({ connectionString: `postgres://postgres@127.0.0.1:${env.PG_PORT}/postgres`, connectionTimeoutMillis: 1000 });
    await expect(gone.connect()).rejects.toThrow();
    await gone.end().catch(() => undefined);
  });

  it('cleans up after a launcher that was killed outright', async () => {
    const killed = new LauncherProcess(env);
    await killed.waitForLine(/\[launcher\] +ready in/, 90000);
    const left = readJson<LauncherStatus>(join(dataDir, 'launcher-status.json'));
    const postgresPid = Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    killed.child.kill('SIGKILL');
    await killed.exited;
    const servicePids = services.map((name) => left.services[name].pid as number);
    expect([...servicePids, postgresPid].every(isProcessAlive)).toBe(true); // orphans, for now

    launcher = new LauncherProcess(env);
    await launcher.waitForLine(/\[launcher\] +ready in/, 90000);
    const output = launcher.lines.join('\n');
    for (const pid of servicePids) expect(output).toContain(`stopping service process ${pid} left behind by a previous launcher`);
    expect(output).toContain(`stopping PostgreSQL server (pid ${postgresPid}) left running`);
    expect([...servicePids, postgresPid].some(isProcessAlive)).toBe(false);
    const demo = readJson<DemoFile>(join(dataDir, 'demo.json'));
    expect(demo.services.cart.url).toBe(`http://127.0.0.1:${env.CART_HTTP_PORT}`); // ports were freed in time
    expect(demo.databaseUrl).toBe(`postgres://postgres@127.0.0.1:${env.PG_PORT}/order_platform`);
    expect(await launcher.stop('SIGINT', 30000)).toEqual({ code: 0, signal: null });
  });
});
