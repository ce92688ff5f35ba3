import { ClientKafka, ClientProxyFactory } from '@nestjs/microservices';
import { randomBytes } from 'node:crypto';
import { firstValueFrom, timeout } from 'rxjs';
import { kafkaCommandClientTransport } from '../kafka/kafka-transport-options';

/** Test helper: sends request-reply commands the way the gateway does. */
export class CommandClientForTest {
  private constructor(private readonly client: ClientKafka) {}

  static async connect(brokers: string[], topics: string[]): Promise<CommandClientForTest> {
    const clientId = `test-commands-${randomBytes(4).toString('hex')}`;
    const client = ClientProxyFactory.create(kafkaCommandClientTransport({ clientId, brokers })) as ClientKafka;
    for (const topic of topics) client.subscribeToResponseOf(topic);
    await client.connect();
    return new CommandClientForTest(client);
  }

  send<T = unknown>(topic: string, payload: object, key: string, timeoutMs = 15000): Promise<T> {
    return firstValueFrom(this.client.send<T>(topic, { key, value: payload }).pipe(timeout(timeoutMs)));
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
