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

  const shutdown = (signal: NodeJS.Signals): void => {
    if (shuttingDown) {
      out.launcher(`${signal} again: still stopping, please wait`);
      return;
    }
    shuttingDown = true;
    out.launcher(`${signal} received; stopping`);
    abort.abort();
    // A start in progress notices the abort and stops what it already started before it rejects.
    starting
      .then((platform) => platform.stop(), () => undefined)
      .then(
        () => {
          out.launcher('stopped');
          process.exit(0);
        },
        (error: Error) => {
          out.launcher(`stop failed: ${error.message}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

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
