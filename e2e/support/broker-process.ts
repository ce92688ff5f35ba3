import { LineProcess } from './line-process';

/**
 * The project's Kafka-protocol broker as its own process (`npm run broker`), so a test can
 * SIGKILL it and start it again on the same port and data directory.
 */
export class BrokerProcess {
  private process: LineProcess | undefined;
  private boundPort = 0;

  constructor(private readonly dataDir: string) {}

  get address(): string {
    return `127.0.0.1:${this.boundPort}`;
  }

  /** First start binds an ephemeral port; later starts reuse it so clients find the broker again. */
  async start(): Promise<string> {
    const broker = new LineProcess('broker', ['libs/kafka-broker/src/cli.ts', '--host', '127.0.0.1', '--port', String(this.boundPort), '--data-dir', this.dataDir], {});
    this.process = broker;
    const line = await broker.waitForLine(/listening on [\d.]+:\d+/, 30000);
    this.boundPort = Number(/listening on [\d.]+:(\d+)/.exec(line)?.[1]);
    return this.address;
  }

  async kill(): Promise<void> {
    await this.process?.stop('SIGKILL', 5000);
  }

  async stop(): Promise<void> {
    await this.process?.stop('SIGTERM', 10000);
  }
}
