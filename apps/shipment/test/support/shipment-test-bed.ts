import { type CommandReply, Commands, type CreateShipmentResponse, Topics } from '@order-platform/contracts';
import { type ReadMessage, ServiceTestBed } from '@order-platform/service-kit';
import { waitFor } from '@order-platform/testing';
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
export class ShipmentTestBed extends ServiceTestBed {
  static start(options: ShipmentTestBedOptions): Promise<ShipmentTestBed> {
    return super.setUp(
      {
        definition: shipmentService,
        database: options.database,
        env: { SHIPMENT_PAYMENT_WAIT_MS: '300' },
        topics: options.topics,
        commands: [Commands.Shipment.CreateShipment],
        inboxConsumer: SHIPMENT_CONSUMER,
        handledTimeoutMs: 30_000,
      },
      (parts) => new ShipmentTestBed(parts),
    );
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
    return this.send<CommandReply<CreateShipmentResponse>>(Commands.Shipment.CreateShipment, request, (request as { orderId?: string }).orderId ?? 'x');
  }
}
