import { createServer } from 'node:net';

/** Resolves true when nothing listens on host:port (checked by binding it briefly). */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/**
 * The preferred port if free, else the next free one above it (0 asks the OS for any free port).
 * `reserved` holds ports already promised to something not listening yet; they are skipped.
 */
export async function findFreePort(preferred: number, host = '127.0.0.1', reserved: ReadonlySet<number> = new Set(), attempts = 100): Promise<number> {
  if (preferred === 0) return ephemeralPort(host);
  for (let port = preferred; port < preferred + attempts && port <= 65535; port++) {
    if (!reserved.has(port) && (await isPortFree(port, host))) return port;
  }
  throw new Error(`no free port in ${preferred}..${preferred + attempts - 1} on ${host}`);
}

export function ephemeralPort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
