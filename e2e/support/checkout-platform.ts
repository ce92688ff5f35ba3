import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSmtp, TestSmtp, waitFor } from '@order-platform/testing';
import { BrokerProcess } from './broker-process';
import { EphemeralDatabase, ephemeralDatabase } from './ephemeral-database';
import { LineProcess } from './line-process';

/** The parts of the launcher's demo.json the tests read. */
export interface DemoFile {
  gatewayUrl: string;
  services: Record<string, { url: string; healthUrl: string }>;
  kafkaBrokers: string;
  databaseUrl: string;
}

interface LauncherStatus {
  services: Record<string, { pid?: number; port: number; state: string; restarts: number }>;
}

export interface PlatformOptions {
  /** Run the broker as a separate process (to SIGKILL it) instead of inside the launcher. */
  externalBroker?: boolean;
  /** Ignore DATABASE_URL and use the launcher's embedded PostgreSQL. */
  embeddedDatabase?: boolean;
  /** Deliver mail to a test SMTP server (readable by the test) instead of the launcher's capture. */
  testSmtp?: boolean;
  logLevel?: string;
  /** Extra environment for the launcher and so for every service. */
  env?: NodeJS.ProcessEnv;
}

const READY_TIMEOUT_MS = 270000;

export const SERVICES = ['gateway', 'cart', 'billing', 'payment', 'shipment', 'email', 'order-status'] as const;

/**
 * The whole platform started the way users start it (`npm start`, i.e. the launcher as a
 * process) in a throwaway data directory with ephemeral ports for everything.
 */
export class CheckoutPlatform {
  private constructor(
    private readonly root: string,
    private readonly dataDir: string,
    readonly launcher: LineProcess,
    readonly demo: DemoFile,
    readonly smtp: TestSmtp | undefined,
    readonly broker: BrokerProcess | undefined,
    private readonly database: EphemeralDatabase | undefined,
  ) {}

  static async start(options: PlatformOptions = {}): Promise<CheckoutPlatform> {
    const root = mkdtempSync(join(tmpdir(), 'checkout-e2e-'));
    chmodSync(root, 0o755); // the embedded PostgreSQL runs as user postgres and must enter it
    const dataDir = join(root, 'data');
    const database = options.embeddedDatabase ? undefined : ephemeralDatabase();
    let smtp: TestSmtp | undefined;
    let broker: BrokerProcess | undefined;
    let launcher: LineProcess | undefined;
    try {
      smtp = options.testSmtp === false ? undefined : await startTestSmtp();
      broker = options.externalBroker ? new BrokerProcess(join(root, 'kafka')) : undefined;
      const kafkaBrokers = broker ? await broker.start() : '';
      launcher = new LineProcess('launcher', ['tools/launcher/main.ts'], {
        ...options.env,
        LAUNCHER_DATA_DIR: dataDir,
        LAUNCHER_SERVICES: '',
        LAUNCHER_READY_TIMEOUT_MS: String(READY_TIMEOUT_MS - 10000),
        LAUNCHER_HTTP_HOST: '127.0.0.1',
        LOG_LEVEL: options.logLevel ?? 'info',
        KAFKA_BROKERS: kafkaBrokers,
        DATABASE_URL: database?.url ?? '',
        SMTP_URL: smtp?.url ?? '',
        // 0 everywhere: the launcher binds ephemeral ports and reports them in demo.json.
        KAFKA_PORT: '0',
        PG_PORT: '0',
        SMTP_PORT: '0',
        ...Object.fromEntries(SERVICES.map((name) => [`${name.toUpperCase().replace(/-/g, '_')}_HTTP_PORT`, '0'])),
      });
      await launcher.waitForLine(/\[launcher\] +ready in [\d.]+s/, READY_TIMEOUT_MS);
      const demo = JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as DemoFile;
      return new CheckoutPlatform(root, dataDir, launcher, demo, smtp, broker, database);
    } catch (error) {
      await launcher?.stop('SIGTERM', 60000);
      await broker?.stop();
      await smtp?.stop();
      await database?.drop().catch(() => undefined);
      rmSync(root, { recursive: true, force: true });
      throw error;
    }
  }

  /** The test SMTP server every mail of this platform goes to. */
  get mailbox(): TestSmtp {
    if (!this.smtp) throw new Error('started without a test SMTP server');
    return this.smtp;
  }

  /** The broker process (started with externalBroker). */
  get brokerProcess(): BrokerProcess {
    if (!this.broker) throw new Error('started without an external broker');
    return this.broker;
  }

  get gatewayUrl(): string {
    return this.demo.gatewayUrl;
  }

  get kafkaBrokers(): string[] {
    return this.demo.kafkaBrokers.split(',');
  }

  get databaseUrl(): string {
    return this.demo.databaseUrl;
  }

  servicePid(name: string): number {
    const pid = this.status().services[name]?.pid;
    if (!pid) throw new Error(`no pid recorded for ${name}`);
    return pid;
  }

  /** SIGKILLs one service and waits until the launcher has restarted it and it is ready again. */
  async killService(name: string, readyTimeoutMs = 120000): Promise<void> {
    const before = this.servicePid(name);
    process.kill(before, 'SIGKILL');
    await waitFor(
      () => {
        const service = this.status().services[name];
        return service?.state === 'running' && service.pid !== before;
      },
      { timeoutMs: 60000, intervalMs: 200, description: `${name} to be restarted by the launcher` },
    );
    await this.waitUntilReady(name, readyTimeoutMs);
  }

  async waitUntilReady(name: string, timeoutMs: number): Promise<void> {
    const url = this.demo.services[name].healthUrl;
    await waitFor(async () => (await fetch(url, { signal: AbortSignal.timeout(2000) })).status === 200, {
      timeoutMs,
      intervalMs: 500,
      description: `${name} to answer ${url} with 200`,
    });
  }

  async stop(): Promise<void> {
    const exit = await this.launcher.stop('SIGTERM', 60000);
    await this.broker?.stop();
    await this.smtp?.stop();
    await this.database?.drop().catch(() => undefined);
    rmSync(this.root, { recursive: true, force: true });
    if (exit.code !== 0) process.stderr.write(`launcher did not stop cleanly: ${JSON.stringify(exit)}\n${this.launcher.tail(20)}\n`);
  }

  private status(): LauncherStatus {
    return JSON.parse(readFileSync(join(this.dataDir, 'launcher-status.json'), 'utf8')) as LauncherStatus;
  }
}

