import { mkdirSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { buildDemoFile, DemoFile, writeJsonFile } from '../demo/demo-file';
import { startEmbeddedKafka } from '../infrastructure/embedded-kafka';
import { startEmbeddedPostgres, stopLeftoverPostgres } from '../infrastructure/embedded-postgres';
import { ensureDatabase, redactUrl } from '../infrastructure/ensure-database';
import { findFreePort } from '../infrastructure/free-port';
import { startMailCapture } from '../infrastructure/mail-capture';
import { formatLogLine } from '../logs/log-formatter';
import { probe, waitUntilReady } from '../readiness/wait-until-ready';
import { writeAsyncApiFile } from '../demo/asyncapi-file';
import { jwtSecretFor } from '../runtime/jwt-secret';
import { localServiceUrl, type PlatformEndpoints, serviceEnvironment, serviceProcessSpec } from '../services/service-catalog';
import { Supervisor } from '../services/supervisor';
import { dataPaths, LauncherConfig } from '../runtime/launcher-config';
import { acquirePidFile, isProcessAlive, releasePidFile } from '../runtime/pid-file';
import { orphanedServicePids, readStatusFile, writeStatusFile } from '../runtime/status-file';
import { LauncherOutput } from './launcher-output';

export interface RunningPlatform {
  demo: DemoFile;
  supervisor: Supervisor;
  /** Stops services first, then mail capture, broker and database; safe to call twice. */
  stop(): Promise<void>;
}

type Cleanup = { name: string; run: () => Promise<void> };

/**
 * Brings up infrastructure (embedded or configured), starts every service, waits for their
 * readiness and writes demo.json. On failure or abort everything started so far is stopped.
 */
export async function startPlatform(config: LauncherConfig, out: LauncherOutput, abort: AbortSignal): Promise<RunningPlatform> {
  const paths = dataPaths(config.dataDir);
  const cleanups: Cleanup[] = [];
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      for (const cleanup of cleanups.reverse()) {
        await cleanup.run().catch((error: Error) => out.launcher(`stopping ${cleanup.name} failed: ${error.message}`));
      }
    })());
  const checkAbort = (): void => {
    if (abort.aborted) throw new Error('start aborted');
  };

  try {
    mkdirSync(config.dataDir, { recursive: true });
    acquirePidFile(paths.pidFile);
    cleanups.push({ name: 'pid file', run: async () => releasePidFile(paths.pidFile) });
    await killOrphans(paths.statusFile, out);

    if (config.kafkaBrokers) out.launcher(`using Kafka at ${config.kafkaBrokers} (KAFKA_BROKERS)`);
    if (config.databaseUrl) out.launcher(`using PostgreSQL at ${redactUrl(config.databaseUrl)} (DATABASE_URL)`);
    if (config.smtpUrl) out.launcher(`using SMTP at ${config.smtpUrl} (SMTP_URL)`);
    const kafkaBrokers = config.kafkaBrokers ?? (await startKafka(config, out, cleanups));
    checkAbort();
    const databaseUrl = config.databaseUrl ?? (await startPostgres(config, out, cleanups));
    await ensureDatabase(databaseUrl);
    checkAbort();
    const smtpUrl = config.smtpUrl ?? (await startMail(config, out, cleanups));

    const endpoints: PlatformEndpoints = { kafkaBrokers, databaseUrl, smtpUrl, httpHost: config.httpHost, logLevel: config.logLevel };
    const ports: Array<{ name: string; port: number }> = [];
    const details: Record<string, { port: number; entry: string }> = {};
    const reserved = new Set<number>();
    for (const definition of config.services) {
      // A service whose port was taken moves up; it must not land on the next service's port.
      const port = await findFreePort(config.servicePorts[definition.name], config.httpHost, reserved);
      reserved.add(port);
      ports.push({ name: definition.name, port });
      details[definition.name] = { port, entry: definition.entry };
    }
    if (details['order-status']) endpoints.orderStatusUrl = localServiceUrl(config.httpHost, details['order-status'].port);
    if (details['cart']) endpoints.cartUrl = localServiceUrl(config.httpHost, details['cart'].port);
    // Only the gateway signs app tokens; the secret is kept per data directory.
    const serviceBaseEnv = { ...process.env, JWT_SECRET: jwtSecretFor(paths.jwtSecretFile) };
    let phase: 'starting' | 'ready' | 'stopping' = 'starting';
    const supervisor = new Supervisor(
      config.services.map((definition) =>
        serviceProcessSpec(definition, config.workspaceRoot, serviceEnvironment(definition, details[definition.name].port, endpoints, serviceBaseEnv)),
      ),
      {
        stopTimeoutMs: config.stopTimeoutMs,
        onOutput: (name, line) => out.source(name, line),
        onNotice: (message) => out.launcher(message),
        onChange: (status) => writeStatusFile(paths.statusFile, phase, status, details),
      },
    );
    cleanups.push({
      name: 'services',
      run: async () => {
        phase = 'stopping';
        await supervisor.stop();
        await unlink(paths.statusFile).catch(() => undefined);
      },
    });
    out.launcher(`starting ${config.services.map((s) => `${s.name}:${details[s.name].port}`).join(' ')}`);
    supervisor.start();

    const demo = buildDemoFile({ httpHost: config.httpHost, services: ports, kafkaBrokers, databaseUrl, mailDir: paths.mailDir, smtpUrl });
    await waitUntilReady(
      ports.map(({ name }) => ({ name, url: demo.services[name].healthUrl })),
      {
        timeoutMs: config.readyTimeoutMs,
        signal: abort,
        explain: (name) => supervisor.recentLines(name).slice(-10).map((line) => `    ${formatLogLine(line, { colors: false, raw: config.rawLogs })}`).join('\n'),
        onReady: (name, ms) => out.launcher(`${name} ready (${(ms / 1000).toFixed(1)}s)`),
      },
    );
    phase = 'ready';
    writeStatusFile(paths.statusFile, phase, supervisor.status(), details);
    demo.asyncApiUrl = await asyncApiUrl(demo, kafkaBrokers, paths.asyncApiFile);
    writeJsonFile(paths.demoFile, demo);
    printSummary(out, demo, paths.demoFile);
    return { demo, supervisor, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startKafka(config: LauncherConfig, out: LauncherOutput, cleanups: Cleanup[]): Promise<string> {
  const { kafkaDir } = dataPaths(config.dataDir);
  const broker = await startEmbeddedKafka({
    dataDir: kafkaDir,
    port: await findFreePort(config.kafkaPort),
    log: (level, message) => {
      if (level !== 'info' || config.logLevel === 'debug') out.source('kafka', `${level}: ${message}`);
    },
  });
  cleanups.push({ name: 'Kafka broker', run: () => broker.close() });
  out.launcher(`embedded Kafka broker on ${broker.address} (data in ${kafkaDir})`);
  return broker.address;
}

async function startPostgres(config: LauncherConfig, out: LauncherOutput, cleanups: Cleanup[]): Promise<string> {
  const { postgresDir } = dataPaths(config.dataDir);
  await stopLeftoverPostgres(postgresDir, (message) => out.launcher(message));
  const port = await findFreePort(config.postgresPort);
  // The server's routine LOG lines drown the services' output; problems still show.
  const noteworthy = config.logLevel === 'debug' || config.logLevel === 'trace' ? () => true : (line: string) => /\b(WARNING|ERROR|FATAL|PANIC):/.test(line);
  const postgres = await startEmbeddedPostgres({
    dataDir: postgresDir,
    port,
    log: (line) => { if (noteworthy(line)) out.source('postgres', line); },
    notice: (message) => out.launcher(message),
  });
  cleanups.push({ name: 'PostgreSQL', run: () => postgres.stop() });
  out.launcher(`embedded PostgreSQL on ${postgres.host}:${port} (${postgres.initialisedNow ? 'initialised' : 'reused'} ${postgres.clusterDir})`);
  return postgres.url(config.databaseName);
}

async function startMail(config: LauncherConfig, out: LauncherOutput, cleanups: Cleanup[]): Promise<string> {
  const { mailDir } = dataPaths(config.dataDir);
  const mail = await startMailCapture({ mailDir, port: await findFreePort(config.smtpPort), log: (line) => out.source('mail', line) });
  cleanups.push({ name: 'mail capture', run: () => mail.close() });
  out.launcher(`mail capture on ${mail.url}; mails land in ${mailDir}`);
  return mail.url;
}

/** The gateway's AsyncAPI document when it serves one, else the launcher's own copy in .data/. */
async function asyncApiUrl(demo: DemoFile, kafkaBrokers: string, file: string): Promise<string> {
  if (demo.asyncApiUrl && (await probe(demo.asyncApiUrl, 2000)) === undefined) return demo.asyncApiUrl;
  return writeAsyncApiFile(file, kafkaBrokers);
}

/** Service processes of a launcher that was killed outright still hold their ports. */
async function killOrphans(statusFile: string, out: LauncherOutput): Promise<void> {
  const orphans = orphanedServicePids(readStatusFile(statusFile));
  for (const pid of orphans) {
    out.launcher(`stopping service process ${pid} left behind by a previous launcher`);
    process.kill(pid, 'SIGKILL');
  }
  const deadline = Date.now() + 5000;
  while (orphans.some(isProcessAlive) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
}

function describeCredentials(credentials: DemoFile['credentials']): string[] {
  const list = <T>(key: string): T[] => (credentials[key] as T[] | undefined) ?? [];
  const customers = list<{ customerId: string }>('customers').map((c) => c.customerId);
  const products = list<{ productId: string }>('products').map((p) => p.productId);
  const logins = list<{ username: string; password: string }>('appLogins').map((l) => `${l.username}/${l.password}`);
  const stores = list<{ store: string; token: string }>('storeTokens').map((t) => `${t.store}: token ${t.token}`);
  const wholesale = list<{ customer: string; apiKey: string }>('wholesaleApiKeys').map((k) => `${k.customer}: Bearer ${k.apiKey}`);
  return [
    `checkout:    customers ${customers.join(', ') || '-'}; products ${products.join(', ') || '-'}`,
    ...(logins.length ? [`app logins:  ${logins.join(', ')} (POST /auth/token)`] : []),
    ...stores.map((line) => `store API:   ${line}`),
    ...wholesale.map((line) => `wholesale:   ${line}`),
  ];
}

function printSummary(out: LauncherOutput, demo: DemoFile, demoFile: string): void {
  const lines = [
    `gateway:     ${demo.gatewayUrl || '(not started)'}`,
    `API docs:    ${demo.docsUrl || '(not started)'}`,
    `events:      ${demo.asyncApiUrl}`,
    `mail folder: ${demo.mailDir}`,
    `Kafka:       ${demo.kafkaBrokers}`,
    `database:    ${redactUrl(demo.databaseUrl)}`,
    ...describeCredentials(demo.credentials),
    `details:     ${demoFile}`,
  ];
  for (const line of lines) out.launcher(line);
}
