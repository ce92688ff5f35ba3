import { resolve } from 'node:path';
import { LauncherOutput } from './src/platform/launcher-output';
import { startPlatform } from './src/platform/start-platform';
import { readLauncherConfig } from './src/runtime/launcher-config';

// `npm start`: the whole platform on this machine. Settings: docs/launcher.md.
function main(): void {
  const started = Date.now();
  const config = readLauncherConfig(process.env, resolve(__dirname, '..', '..'), Boolean(process.stdout.isTTY));
  const prefixWidth = Math.max('launcher'.length, 'postgres'.length, ...config.services.map((s) => s.name.length));
  const out = new LauncherOutput({ colors: config.colors, rawLogs: config.rawLogs, prefixWidth });
  const abort = new AbortController();
  const starting = startPlatform(config, out, abort.signal);
  let shuttingDown = false;

  const shutdown = (reason: string, exitCode = 0): void => {
    if (shuttingDown) {
      out.launcher(`${reason} again: still stopping, please wait`);
      return;
    }
    shuttingDown = true;
    out.launcher(`${reason}; stopping`);
    abort.abort();
    // A start in progress notices the abort and stops what it already started before it rejects.
    starting
      .then((platform) => platform.stop(), () => undefined)
      .then(
        () => {
          out.launcher('stopped');
          process.exit(exitCode);
        },
        (error: Error) => {
          out.launcher(`stop failed: ${error.message}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT received'));
  process.on('SIGTERM', () => shutdown('SIGTERM received'));
  // A launcher bug must not leave services and the database running without a supervisor.
  process.on('uncaughtException', (error) => shutdown(`internal error: ${error.stack ?? error.message}`, 1));
  // Output piped into a closed reader (`npm start | head`) is no reason to stop the platform.
  process.stdout.on('error', () => undefined);

  starting.then(
    () => {
      if (!shuttingDown) out.launcher(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s; Ctrl-C stops everything`);
    },
    (error: Error) => {
      if (shuttingDown) return; // shutdown() reports and exits
      out.launcher(`start failed: ${error.message}`);
      process.exit(1);
    },
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`[launcher] ${(error as Error).message}\n`);
  process.exit(1);
}
