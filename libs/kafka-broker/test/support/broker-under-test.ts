import { startBroker } from '../../src';

// The suite runs unchanged against a real Kafka: set KAFKA_BROKERS=host:port[,host:port]
// and the embedded broker is not started. A failure there means a bug in our broker.
export interface BrokerUnderTest {
  brokers: string[];
  embedded: boolean;
  close(): Promise<void>;
}

const quietLogger = {
  info: (): void => undefined,
  warn: (): void => undefined,
  error: (msg: string, ctx?: object): void => {
    process.stderr.write(`[broker] ${msg} ${ctx ? JSON.stringify(ctx) : ''}\n`);
  },
};

export async function startBrokerUnderTest(): Promise<BrokerUnderTest> {
  const external = process.env['KAFKA_BROKERS']?.trim();
  if (external) {
    return {
      brokers: external.split(',').map((address) => address.trim()).filter(Boolean),
      embedded: false,
      close: async () => undefined,
    };
  }
  const handle = await startBroker({ port: 0, logger: quietLogger });
  return { brokers: [handle.address], embedded: true, close: () => handle.close() };
}
