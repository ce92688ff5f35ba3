import { Controller, Module, type INestMicroservice, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientKafka, EventPattern, MessagePattern, Payload, Transport, type KafkaOptions } from '@nestjs/microservices';
import { logLevel, type Admin } from 'kafkajs';
import { firstValueFrom } from 'rxjs';
import { startBrokerUnderTest, type BrokerUnderTest } from './support/broker-under-test';
import { createKafka } from './support/kafka-client';
import { uniqueName } from './support/unique-name';
import { sleep, waitFor } from './support/wait-for';

jest.setTimeout(90_000);

interface ReceivedEvent {
  id: string;
  server: string;
}

interface PriceQuery {
  quantity: number;
  unitPriceMinor: number;
  currency: string;
}

// ServerKafka and ClientKafka mutate the options they are given, so every instance gets a
// freshly built object.
function kafkaOptions(brokers: string[], clientId: string, groupId: string): KafkaOptions['options'] {
  return {
    client: { brokers, clientId, logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 100 } },
    consumer: { groupId, sessionTimeout: 10_000, heartbeatInterval: 300, maxWaitTimeInMs: 1_000 },
    subscribe: { fromBeginning: true },
  };
}

// Topic names are random per run, so handlers are declared per test.
function eventModule(topic: string, server: string, sink: ReceivedEvent[]): Type {
  @Controller()
  class EventRecorderController {
    @EventPattern(topic)
    record(@Payload() event: { id: string }): void {
      sink.push({ id: event.id, server });
    }
  }
  @Module({ controllers: [EventRecorderController] })
  class EventRecorderModule {}
  return EventRecorderModule;
}

function pricingModule(pattern: string): Type {
  @Controller()
  class PricingController {
    @MessagePattern(pattern)
    price(@Payload() query: PriceQuery): { totalMinor: number; currency: string } {
      return { totalMinor: query.quantity * query.unitPriceMinor, currency: query.currency };
    }
  }
  @Module({ controllers: [PricingController] })
  class PricingModule {}
  return PricingModule;
}

describe('NestJS Kafka transport against the broker', () => {
  let broker: BrokerUnderTest;
  let admin: Admin;
  const servers: INestMicroservice[] = [];
  const clients: ClientKafka[] = [];

  async function startServer(module: Type, groupId: string): Promise<INestMicroservice> {
    const app = await NestFactory.createMicroservice<KafkaOptions>(module, {
      transport: Transport.KAFKA,
      options: kafkaOptions(broker.brokers, uniqueName('nest-server'), groupId),
      logger: false,
    });
    servers.push(app);
    await app.listen();
    return app;
  }

  async function startClient(replyPatterns: string[] = [], groupId = uniqueName('nest-client')): Promise<ClientKafka> {
    const client = new ClientKafka(kafkaOptions(broker.brokers, uniqueName('nest-client'), groupId) ?? {});
    clients.push(client);
    for (const pattern of replyPatterns) client.subscribeToResponseOf(pattern);
    await client.connect();
    return client;
  }

  beforeAll(async () => {
    broker = await startBrokerUnderTest();
    admin = createKafka(broker.brokers, 'nest-spec-admin').admin();
    await admin.connect();
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  afterAll(async () => {
    await admin?.disconnect();
    await broker?.close();
  });

  it('delivers an emitted event to an @EventPattern handler', async () => {
    const topic = uniqueName('nest-event');
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
    const received: ReceivedEvent[] = [];
    await startServer(eventModule(topic, 'only', received), uniqueName('nest-events'));
    const client = await startClient();

    await firstValueFrom(client.emit(topic, { key: 'order-1', value: { id: 'evt-1' } }));

    await waitFor('the event handled', () => received.length === 1);
    expect(received).toEqual([{ id: 'evt-1', server: 'only' }]);
  });

  it('answers a send() with the @MessagePattern result (request-reply over auto-created topics)', async () => {
    const pattern = uniqueName('pricing.quote');
    await startServer(pricingModule(pattern), uniqueName('nest-pricing'));
    const client = await startClient([pattern]);

    const reply = await firstValueFrom(
      client.send<{ totalMinor: number; currency: string }, PriceQuery>(pattern, {
        quantity: 3,
        unitPriceMinor: 1250,
        currency: 'EUR',
      }),
    );
    const second = await firstValueFrom(
      client.send<{ totalMinor: number; currency: string }, PriceQuery>(pattern, {
        quantity: 2,
        unitPriceMinor: 99,
        currency: 'USD',
      }),
    );

    expect(reply).toEqual({ totalMinor: 3750, currency: 'EUR' });
    expect(second).toEqual({ totalMinor: 198, currency: 'USD' });
  });

  it('shares partitions between two server instances of one group, each event handled once', async () => {
    const topic = uniqueName('nest-shared');
    const partitions = 6;
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: true });
    const groupId = uniqueName('nest-shared');
    const received: ReceivedEvent[] = [];
    await startServer(eventModule(topic, 'first', received), groupId);
    // The second join completes only once the first member has rejoined, so after this
    // both instances hold partitions of the same generation.
    await startServer(eventModule(topic, 'second', received), groupId);
    const client = await startClient();

    const ids = Array.from({ length: 30 }, (_, i) => `shared-${i}`);
    for (const [i, id] of ids.entries()) {
      await firstValueFrom(client.emit(topic, { key: id, value: { id }, partition: i % partitions }));
    }

    await waitFor('every event handled', () => received.length >= ids.length);
    // A duplicate delivery would arrive shortly after the originals.
    await sleep(500);
    expect(received.map((event) => event.id).sort()).toEqual([...ids].sort());
    expect(received.some((event) => event.server === 'first')).toBe(true);
    expect(received.some((event) => event.server === 'second')).toBe(true);
  });

  it('gives each client replica of one group its own reply partition, and routes replies to it', async () => {
    const pattern = uniqueName('pricing.replicas');
    // Reply topics need a partition per client replica; Kafka's default of one would not do.
    await admin.createTopics({
      topics: [
        { topic: pattern, numPartitions: 2 },
        { topic: `${pattern}.reply`, numPartitions: 2 },
      ],
      waitForLeaders: true,
    });
    await startServer(pricingModule(pattern), uniqueName('nest-replicas'));
    const clientGroup = uniqueName('nest-gateway');
    const first = await startClient([pattern], clientGroup);
    const second = await startClient([pattern], clientGroup);
    const replyTopic = `${pattern}.reply`;
    await waitFor('each replica owns a different reply partition', () => {
      const a = first.getConsumerAssignments()[replyTopic];
      const b = second.getConsumerAssignments()[replyTopic];
      return a !== undefined && b !== undefined && a !== b;
    });

    const ask = (client: ClientKafka, quantity: number) =>
      firstValueFrom(
        client.send<{ totalMinor: number; currency: string }, PriceQuery>(pattern, { quantity, unitPriceMinor: 100, currency: 'EUR' }),
      );
    const replies = await Promise.all([ask(first, 1), ask(second, 2), ask(first, 3), ask(second, 4)]);

    expect(replies.map((reply) => reply.totalMinor)).toEqual([100, 200, 300, 400]);
  });
});
