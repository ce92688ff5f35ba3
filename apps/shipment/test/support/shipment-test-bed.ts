import { type CommandReply, Commands, type CreateShipmentResponse, Topics, type TypedEvent } from '@order-platform/contracts';
import { CommandClientForTest, inboxHas, publishEventForTest, type ReadMessage, startServiceForTest, TopicReader } from '@order-platform/service-kit';
import { SchemaSql, setUpOnTestInfra, type TestInfra, waitFor } from '@order-platform/testing';
import type { Type } from '@nestjs/common';
import { SHIPMENT_CONSUMER } from '../../src/ship-order/ship-order.service';
import { shipmentService } from '../../src/shipment.service-definition';

export interface ShipmentTestBedOptions {
  /** Prefix of the test database's name. */
  database: string;
  /** Topics recorded from the start, for `received` and `shippedFor`. */
  topics: string[];
}

/**
 * The shipment service in this process on real PostgreSQL and Kafka (payments not yet
 * addressed are retried for 300 ms, then parked), the create-shipment command client, and what
 * its integration tests read: its tables, its outbox, the topics it publishes to.
 */
export class ShipmentTestBed {
  private constructor(
    readonly infra: TestInfra,
    readonly service: Awaited<ReturnType<typeof startServiceForTest>>,
    readonly sql: SchemaSql,
    private readonly reader: TopicReader,
    private readonly commands: CommandClientForTest,
  ) {}

  static start(options: ShipmentTestBedOptions): Promise<ShipmentTestBed> {
    return setUpOnTestInfra(options.database, async (infra) => {
      const service = await startServiceForTest(
        shipmentService,
        { brokers: infra.kafka.brokers, databaseUrl: infra.database.url },
        { SHIPMENT_PAYMENT_WAIT_MS: '300' },
      );
      infra.onStop(() => service.close());
      const reader = await TopicReader.start(infra.kafka.brokers, options.topics);
      infra.onStop(() => reader.stop());
      const commands = await CommandClientForTest.connect(infra.kafka.brokers, [Commands.Shipment.CreateShipment]);
      infra.onStop(() => commands.close());
      const sql = await SchemaSql.connect(infra.database.url, service.schema);
      infra.onStop(() => sql.end());
      return new ShipmentTestBed(infra, service, sql, reader, commands);
    });
  }

  /** Closes the service, its consumers and connections, then the infra. */
  stop(): Promise<void> {
    return this.infra.stop();
  }

  /** A provider of the running service. */
  get<T>(token: Type<T> | string | symbol): T {
    return this.service.app.get<T>(token, { strict: false });
  }

  publish(event: TypedEvent): Promise<void> {
    return publishEventForTest(this.infra.kafka.brokers, event);
  }

  /** Resolves once shipment has recorded the event in its inbox. */
  handled(event: TypedEvent): Promise<boolean> {
    return waitFor(() => inboxHas(this.infra.database.url, this.service.schema, SHIPMENT_CONSUMER, event.id), {
      timeoutMs: 30_000,
      description: `${event.type} ${event.id} handled`,
    });
  }

  /** Publishes the events in order, then waits until each is handled. */
  async publishAll(...events: TypedEvent[]): Promise<void> {
    for (const event of events) await this.publish(event);
    for (const event of events) await this.handled(event);
  }

  received(topic: string): ReadMessage[] {
    return this.reader.on(topic);
  }

  /** OrderShipped events published for the order so far (they are keyed by order id). */
  shippedFor(orderId: string): ReadMessage[] {
    return this.received(Topics.OrderShipped).filter((m) => m.key === orderId);
  }

  waitShipped(orderId: string): Promise<ReadMessage> {
    return waitFor(() => this.shippedFor(orderId)[0], { timeoutMs: 30_000, description: `OrderShipped for ${orderId}` });
  }

  /** OrderShipped rows the service wrote (published or not): the outbox is the service's own count. */
  async orderShippedInOutbox(orderId: string): Promise<number> {
    const [row] = await this.sql.rows<{ n: number }>(`SELECT count(*)::int AS n FROM $schema.outbox WHERE topic = 'OrderShipped' AND key = $1`, [orderId]);
    return row.n;
  }

  createShipment(request: object): Promise<CommandReply<CreateShipmentResponse>> {
    return this.commands.send(Commands.Shipment.CreateShipment, request, (request as { orderId?: string }).orderId ?? 'x');
  }
}
