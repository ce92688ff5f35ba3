import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvent, Topics, type TypedEvent } from '@order-platform/contracts';
import { InboxHandler, OutboxWriter } from '@order-platform/messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CARRIER, type Carrier } from '../carrier/carrier';
import { destinationOfInvoice } from '../shipments/destination-of-invoice';
import { type ShipmentRow, ShipmentStore } from '../shipments/shipment-store';
import { DestinationUnknownError } from './ship-order.errors';

export const SHIPMENT_CONSUMER = 'shipment';
/** Attempts at PaymentProcessed without an address before it is parked for InvoiceCreated. */
export const ADDRESS_ATTEMPTS = 3;
const TRACKING_COLLISION_RETRIES = 5;

export type ShipOutcome = { shipment: ShipmentRow; created: boolean };
export type EventOutcome = 'shipped' | 'already-shipped' | 'parked' | 'recorded' | 'duplicate';

/**
 * One shipment per order. PaymentProcessed and InvoiceCreated may arrive in either order (two
 * topics): whichever completes "paid + address known" ships. The create-shipment command
 * goes through the same ship() under the same per-order lock, so nothing ships twice.
 */
@Injectable()
export class ShipOrderService {
  private readonly logger = new Logger(ShipOrderService.name);
  private readonly store: ShipmentStore;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbox: InboxHandler,
    private readonly outbox: OutboxWriter,
    @Inject(CARRIER) private readonly carrier: Carrier,
  ) {
    this.store = new ShipmentStore(String((dataSource.options as { schema?: string }).schema));
  }

  async onInvoiceCreated(event: TypedEvent<'InvoiceCreated'>): Promise<EventOutcome> {
    const result = await this.inbox.handleOnce(SHIPMENT_CONSUMER, event, async (manager): Promise<EventOutcome> => {
      const destination = destinationOfInvoice(event.payload);
      if (!destination) {
        this.logger.warn({ orderId: event.orderId, eventId: event.id }, 'InvoiceCreated carries no shipping address');
        return 'recorded';
      }
      await this.store.saveDestination(manager, destination, true);
      // A payment parked while the address was unknown ships now.
      const paid = await this.store.findPaid(manager, event.orderId);
      if (!paid) return 'recorded';
      const { created } = await this.ship(manager, event.orderId, paid.correlationId);
      return created ? 'shipped' : 'already-shipped';
    });
    return result.status === 'duplicate' ? 'duplicate' : result.result;
  }

  async onPaymentProcessed(event: TypedEvent<'PaymentProcessed'>, attempt: number): Promise<EventOutcome> {
    const result = await this.inbox.handleOnce(SHIPMENT_CONSUMER, event, async (manager): Promise<EventOutcome> => {
      const { payload } = event;
      await this.store.recordPaid(manager, { orderId: payload.orderId, paymentId: payload.paymentId, correlationId: event.correlationId }, payload.processedAt);
      try {
        const { created } = await this.ship(manager, payload.orderId, event.correlationId);
        return created ? 'shipped' : 'already-shipped';
      } catch (error) {
        // Retry a few times (the address may be in flight); then keep the payment and let
        // InvoiceCreated ship it, rather than hold the partition or dead-letter a paid order.
        if (error instanceof DestinationUnknownError && attempt >= ADDRESS_ATTEMPTS) {
          this.logger.warn({ orderId: payload.orderId, eventId: event.id, attempt }, 'paid order parked until its address arrives');
          return 'parked';
        }
        throw error;
      }
    });
    return result.status === 'duplicate' ? 'duplicate' : result.result;
  }

  /** The order's shipment if any, without creating one. */
  findShipment(orderId: string): Promise<ShipmentRow | undefined> {
    return this.store.findShipment(this.dataSource.manager, orderId);
  }

  isPaid(orderId: string): Promise<boolean> {
    return this.store.findPaid(this.dataSource.manager, orderId).then(Boolean);
  }

  /** Command path: the client's address fills in only when no invoice gave one. */
  async shipPaidOrder(request: { orderId: string; name: string; phone: string; shippingAddress: string }, correlationId: string): Promise<ShipOutcome> {
    return this.dataSource.transaction(async (manager) => {
      await this.store.saveDestination(
        manager,
        { orderId: request.orderId, recipientName: request.name, phone: request.phone, address: request.shippingAddress, source: 'command' },
        false,
      );
      return this.ship(manager, request.orderId, correlationId);
    });
  }

  private async ship(manager: EntityManager, orderId: string, correlationId: string): Promise<ShipOutcome> {
    await this.store.lockOrder(manager, orderId);
    const existing = await this.store.findShipment(manager, orderId);
    if (existing) return { shipment: existing, created: false };
    const destination = await this.store.findDestination(manager, orderId);
    if (!destination) throw new DestinationUnknownError(orderId);

    for (let attempt = 1; ; attempt++) {
      const label = await this.carrier.book({
        orderId,
        idempotencyKey: `ship:${orderId}`,
        recipientName: destination.recipientName,
        phone: destination.phone,
        address: destination.address,
      });
      const shipment: ShipmentRow = {
        id: randomUUID(),
        orderId,
        carrier: label.carrier,
        trackingNumber: label.trackingNumber,
        status: 'shipped',
        recipientName: destination.recipientName,
        phone: destination.phone,
        address: destination.address,
        shippedAt: new Date(),
        estimatedDeliveryAt: label.estimatedDeliveryAt ? new Date(label.estimatedDeliveryAt) : null,
      };
      if (await this.store.insertShipment(manager, shipment)) {
        await this.outbox.append(manager, this.orderShipped(shipment, correlationId));
        return { shipment, created: true };
      }
      if (attempt >= TRACKING_COLLISION_RETRIES) throw new Error(`no free tracking number after ${attempt} bookings for order ${orderId}`);
    }
  }

  private orderShipped(shipment: ShipmentRow, correlationId: string) {
    return createEvent(
      Topics.OrderShipped,
      {
        orderId: shipment.orderId,
        shipmentId: shipment.id,
        carrier: shipment.carrier,
        trackingNumber: shipment.trackingNumber,
        shippedAt: shipment.shippedAt.toISOString(),
        ...(shipment.estimatedDeliveryAt ? { estimatedDeliveryAt: shipment.estimatedDeliveryAt.toISOString() } : {}),
        shippingAddress: shipment.address,
        recipientName: shipment.recipientName,
        ...(shipment.phone ? { recipientPhone: shipment.phone } : {}),
      },
      { correlationId },
    );
  }
}
