import pino from 'pino';
import { ConfigValidationError } from '../config/config-validation.error';
import type { ServiceConfig } from '../config/service-config';
import type { RunningService } from './service-app';
import { type ServiceDefinition, type StartedService, startService } from './service-definition';

/**
 * Process entry point of a service (main.ts): validates config, starts the app, and stops it
 * gracefully on SIGTERM/SIGINT within SHUTDOWN_TIMEOUT_MS. A bad setting or any startup
 * failure is logged as fatal and ends the process with exit code 1.
 *
 * Signals are handled here rather than with app.enableShutdownHooks(): Nest's close() runs
 * providers' destroy hooks (database pool, outbox relay) before it stops Kafka consumers,
 * while an orderly stop needs the consumers stopped first (see RunningService.close).
 */
export async function bootstrapService<C extends ServiceConfig>(definition: ServiceDefinition<C>): Promise<StartedService<C>> {
  const log = pino({ base: { service: definition.name }, messageKey: 'msg', timestamp: pino.stdTimeFunctions.isoTime });
  let service: StartedService<C>;
  try {
    service = await startService(definition, process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      log.fatal({ problems: error.problems }, error.message);
      process.stderr.write(`${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      log.fatal({ err: error }, `${definition.name} failed to start: ${message}`);
    }
    return process.exit(1);
  }
  log.info({ url: service.url }, `${definition.name} listening on ${service.url}`);
  installShutdownHandlers(service, service.config.SHUTDOWN_TIMEOUT_MS, log);
  return service;
}

function installShutdownHandlers(running: RunningService, timeoutMs: number, log: pino.Logger): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `received ${signal}; shutting down (budget ${timeoutMs} ms)`);
    const force = setTimeout(() => {
      log.fatal(`graceful shutdown exceeded ${timeoutMs} ms; exiting`);
      process.exit(1);
    }, timeoutMs);
    force.unref();
    running.close().then(
      () => {
        log.info('shutdown complete');
        process.exit(0);
      },
      (error: unknown) => {
        log.fatal({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
