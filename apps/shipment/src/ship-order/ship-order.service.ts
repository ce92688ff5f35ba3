import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvent, Topics, type TypedEvent } from '@order-platform/contracts';
import { InboxHandler, OutboxWriter } from '@order-platform/messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CARRIER, type Carrier } from '../carrier/carrier';
import { destinationOfInvoice } from '../shipments/destination-of-invoice';
import { type ShipmentRow, ShipmentStore } from '../shipments/shipment-store';
import { holdsOf } from '../shipments/shipping-holds';
import { DestinationUnknownError } from './ship-order.errors';

export const SHIPMENT_CONSUMER = 'shipment';
/** Attempts at PaymentProcessed without an address before it is parked for InvoiceCreated. */
export const ADDRESS_ATTEMPTS = 3;
const TRACKING_COLLISION_RETRIES = 5;

/**
 * Not shipped, and why: the order's delivery round has not started, the merchant has not
 * accepted the order yet, or the order was cancelled.
 */
export type HeldReason = 'awaiting-round' | 'awaiting-confirmation' | 'cancelled';
export type ShipOutcome = { shipment: ShipmentRow; created: boolean } | { held: HeldReason; deliveryRoundId?: string };
export type EventOutcome = 'shipped' | 'already-shipped' | 'parked' | 'recorded' | 'duplicate' | HeldReason;
export type RoundOutcome = 'round-started' | 'duplicate';

/**
 * One shipment per order. PaymentProcessed and InvoiceCreated may arrive in either order (two
 * topics): whichever completes "paid + address known" ships. The create-shipment command
 * goes through the same ship() under the same per-order lock, so nothing ships twice.
 *
 * A group order's member (its invoice names a delivery round) is held until DeliveryRoundStarted
 * records the round; the round then ships its paid members, and members paid later ship when
 * their payment or invoice arrives. An order the merchant must accept first (its invoice says
 * awaitsMerchantConfirmation) is held until OrderConfirmed is recorded; the confirmation may
 * come before or after the invoice and payment, and whichever completes the set ships. A
 * cancelled order (OrderCancelled, also a merchant's rejection) never ships. PaymentProcessed
 * carries the invoice's holds too, and nothing ships unpaid, so a hold applies even when the
 * payment is handled before the invoice (or the invoice has no address).
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
      return eventOutcomeOf(await this.ship(manager, event.orderId, paid.correlationId));
    });
    return result.status === 'duplicate' ? 'duplicate' : result.result;
  }

  async onPaymentProcessed(event: TypedEvent<'PaymentProcessed'>, attempt: number): Promise<EventOutcome> {
    const result = await this.inbox.handleOnce(SHIPMENT_CONSUMER, event, async (manager): Promise<EventOutcome> => {
      const { payload } = event;
      await this.store.recordPaid(
        manager,
        {
          orderId: payload.orderId,
          paymentId: payload.paymentId,
          correlationId: event.correlationId,
          deliveryRoundId: payload.deliveryRoundId ?? null,
          awaitsMerchantConfirmation: payload.awaitsMerchantConfirmation === true,
        },
        payload.processedAt,
      );
      try {
        return eventOutcomeOf(await this.ship(manager, payload.orderId, event.correlationId));
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

  /**
   * Records the round as started, then ships each listed member that is paid and has an
   * address, all in the inbox transaction (a redelivery is a no-op; a failure retries the whole
   * round, and the carrier's idempotency key covers bookings rolled back). Members are locked in
   * a fixed order, so two deliveries of the round cannot deadlock; a member's payment or invoice
   * arriving meanwhile waits on the member's lock and then sees the round started.
   */
  async onDeliveryRoundStarted(event: TypedEvent<'DeliveryRoundStarted'>): Promise<RoundOutcome> {
    const result = await this.inbox.handleOnce(SHIPMENT_CONSUMER, event, async (manager) => {
      const { payload } = event;
      await this.store.recordRoundStarted(manager, { id: payload.deliveryRoundId, restaurantId: payload.restaurantId, startedAt: payload.startedAt });
      const counts: Record<string, number> = {};
      const orderIds = [...new Set(payload.members.map((member) => member.orderId))].sort();
      for (const orderId of orderIds) {
        const outcome = await this.shipRoundMember(manager, orderId, payload.deliveryRoundId);
        counts[outcome] = (counts[outcome] ?? 0) + 1;
      }
      this.logger.log({ deliveryRoundId: payload.deliveryRoundId, groupOrderId: payload.groupOrderId, ...counts }, 'delivery round started');
    });
    return result.status === 'duplicate' ? 'duplicate' : 'round-started';
  }

  /**
   * Records the merchant's acceptance under the order's lock, then ships the order if it is
   * already paid and addressed; otherwise its payment or invoice ships it later.
   */
  async onOrderConfirmed(event: TypedEvent<'OrderConfirmed'>): Promise<EventOutcome> {
    const result = await this.inbox.handleOnce(SHIPMENT_CONSUMER, event, async (manager): Promise<EventOutcome> => {
      const { payload } = event;
      await this.store.lockOrder(manager, payload.orderId);
      await this.store.recordConfirmed(manager, { orderId: payload.orderId, confirmedAt: payload.confirmedAt });
      const paid = await this.store.findPaid(manager, payload.orderId);
      if (!paid || !(await this.store.findDestination(manager, payload.orderId))) return 'recorded';
      return eventOutcomeOf(await this.ship(manager, payload.orderId, paid.correlationId));
    });
    return result.status === 'duplicate' ? 'duplicate' : result.result;
  }

  /** Remembers the cancellation, under the order's lock, so no later path ships the order. */
  async onOrderCancelled(event: TypedEvent<'OrderCancelled'>): Promise<EventOutcome> {
    const result = await this.inbox.handleOnce(SHIPMENT_CONSUMER, event, async (manager): Promise<EventOutcome> => {
      const { payload } = event;
      await this.store.lockOrder(manager, payload.orderId);
      await this.store.recordCancelled(manager, { orderId: payload.orderId, reason: payload.reason, cancelledAt: payload.cancelledAt });
      return 'recorded';
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

  /** A round member not paid or without an address yet is left for its PaymentProcessed / InvoiceCreated. */
  private async shipRoundMember(manager: EntityManager, orderId: string, deliveryRoundId: string): Promise<string> {
    await this.store.lockOrder(manager, orderId);
    const paid = await this.store.findPaid(manager, orderId);
    if (!paid) return 'unpaid';
    if (!(await this.store.findDestination(manager, orderId))) return 'address-unknown';
    const outcome = await this.ship(manager, orderId, paid.correlationId, deliveryRoundId);
    return eventOutcomeOf(outcome);
  }

  /**
   * Every caller has seen the payment. The holds are those of the invoiced destination or the
   * payment, whichever shipment has (a command-sourced destination has none). They are checked
   * before the address: a held order needs none yet, and whatever releases it finds one or
   * leaves it to InvoiceCreated. `startedRound`: the round being started, recorded on the
   * shipment when neither source names one.
   */
  private async ship(manager: EntityManager, orderId: string, correlationId: string, startedRound?: string): Promise<ShipOutcome> {
    await this.store.lockOrder(manager, orderId);
    const existing = await this.store.findShipment(manager, orderId);
    if (existing) return { shipment: existing, created: false };
    if (await this.store.isCancelled(manager, orderId)) return { held: 'cancelled' };
    const paid = await this.store.findPaid(manager, orderId);
    if (!paid) throw new Error(`order ${orderId} is not paid; nothing ships unpaid`);
    const destination = await this.store.findDestination(manager, orderId);
    const holds = holdsOf(destination, paid);
    if (holds.deliveryRoundId && !(await this.store.isRoundStarted(manager, holds.deliveryRoundId))) {
      return { held: 'awaiting-round', deliveryRoundId: holds.deliveryRoundId };
    }
    if (holds.awaitsMerchantConfirmation && !(await this.store.isConfirmed(manager, orderId))) {
      return { held: 'awaiting-confirmation' };
    }
    if (!destination) throw new DestinationUnknownError(orderId);
    const deliveryRoundId = holds.deliveryRoundId ?? startedRound ?? null;

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
        deliveryRoundId,
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

function eventOutcomeOf(outcome: ShipOutcome): EventOutcome {
  if ('held' in outcome) return outcome.held;
  return outcome.created ? 'shipped' : 'already-shipped';
}
