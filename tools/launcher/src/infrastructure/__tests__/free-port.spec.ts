import { createServer, Server } from 'node:net';
import { ephemeralPort, findFreePort, isPortFree } from '../free-port';

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

describe('free ports', () => {
  it('takes the preferred port when free and the next free one when it is taken', async () => {
    const port = await ephemeralPort();
    expect(await isPortFree(port)).toBe(true);
    expect(await findFreePort(port)).toBe(port);
    const holder = await listen(port);
    try {
      expect(await isPortFree(port)).toBe(false);
      const next = await findFreePort(port);
      expect(next).toBeGreaterThan(port);
      expect(await isPortFree(next)).toBe(true);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('skips ports already promised to another service', async () => {
    const port = await ephemeralPort();
    const next = await findFreePort(port, '127.0.0.1', new Set([port]));
    expect(next).toBeGreaterThan(port);
  });

  it('asks the OS when the preferred port is 0', async () => {
    expect(await findFreePort(0)).toBeGreaterThan(0);
  });
});
