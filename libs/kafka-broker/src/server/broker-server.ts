import { createServer, type Server, type Socket } from 'node:net';
import type { BrokerState } from '../broker-state';
import type { ApiHandler } from '../protocol/apis/api-handler';
import { Connection } from './connection';

/** The TCP listener: one Connection per socket, all closed together on shutdown. */
export class BrokerServer {
  private readonly server: Server;
  private readonly connections = new Set<Connection>();

  constructor(
    private readonly broker: BrokerState,
    private readonly handlers: ReadonlyMap<number, ApiHandler>,
    private readonly maxFrameBytes: number,
  ) {
    this.server = createServer((socket: Socket) => {
      const connection = new Connection(socket, this.broker, this.handlers, this.maxFrameBytes);
      this.connections.add(connection);
      socket.on('close', () => this.connections.delete(connection));
    });
  }

  private watchErrors(): void {
    // After start-up, accept failures (say, too many open files) are logged, not fatal.
    this.server.on('error', (err) => this.broker.logger.error('listener error', { error: err.message }));
  }

  listen(host: string, port: number): Promise<{ host: string; port: number }> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        this.watchErrors();
        const address = this.server.address();
        if (!address || typeof address === 'string') {
          reject(new Error('server has no TCP address'));
          return;
        }
        resolve({ host: address.address, port: address.port });
      });
    });
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      for (const c of this.connections) c.destroy();
      this.connections.clear();
    });
  }
}
