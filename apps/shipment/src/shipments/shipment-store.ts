import { assertSchemaName } from '@order-platform/persistence';
import type { EntityManager } from 'typeorm';

/** What an order waits for before it ships, as its invoice says (InvoiceCreated, and PaymentProcessed copies it). */
export interface ShippingHolds {
  /** Set for a group order's member: it ships once this delivery round has started. */
  deliveryRoundId?: string | null;
  /** Set when the merchant must accept the order first: it ships once OrderConfirmed is recorded. */
  awaitsMerchantConfirmation?: boolean;
}

export interface Destination extends ShippingHolds {
  orderId: string;
  recipientName: string;
  phone: string | null;
  address: string;
  source: 'invoice' | 'command';
}

export interface ShipmentRow {
  id: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  status: 'shipped' | 'delivered';
  recipientName: string;
  phone: string | null;
  address: string;
  shippedAt: Date;
  estimatedDeliveryAt: Date | null;
  /** The delivery round the order shipped with, for a group order's member. */
  deliveryRoundId: string | null;
}

export interface DeliveryRound {
  id: string;
  restaurantId: string;
  startedAt: string;
}

/** The holds come from PaymentProcessed, which may be handled before the invoice. */
export interface PaidOrder extends ShippingHolds {
  orderId: string;
  paymentId: string;
  correlationId: string;
}

const SHIPMENT_COLUMNS = `id, order_id AS "orderId", carrier, tracking_number AS "trackingNumber", status,
  recipient_name AS "recipientName", phone, address, shipped_at AS "shippedAt", estimated_delivery_at AS "estimatedDeliveryAt",
  delivery_round_id AS "deliveryRoundId"`;

/** SQL of the shipment schema; every call runs in the caller's transaction. */
export class ShipmentStore {
  private readonly s: string;

  constructor(schema: string) {
    this.s = `"${assertSchemaName(schema)}"`;
  }

  /** `overwrite`: InvoiceCreated is the source of truth; the command only fills a gap. */
  async saveDestination(manager: EntityManager, destination: Destination, overwrite: boolean): Promise<void> {
    const conflict = overwrite
      ? `DO UPDATE SET recipient_name = EXCLUDED.recipient_name, phone = EXCLUDED.phone, address = EXCLUDED.address,
           source = EXCLUDED.source, delivery_round_id = EXCLUDED.delivery_round_id,
           awaits_merchant_confirmation = EXCLUDED.awaits_merchant_confirmation, updated_at = now()`
      : 'DO NOTHING';
    await manager.query(
      `INSERT INTO ${this.s}.order_destinations (order_id, recipient_name, phone, address, source, delivery_round_id, awaits_merchant_confirmation)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (order_id) ${conflict}`,
      [
        destination.orderId,
        destination.recipientName,
        destination.phone,
        destination.address,
        destination.source,
        destination.deliveryRoundId ?? null,
        destination.awaitsMerchantConfirmation === true,
      ],
    );
  }

  async findDestination(manager: EntityManager, orderId: string): Promise<Destination | undefined> {
    const rows: Destination[] = await manager.query(
      `SELECT order_id AS "orderId", recipient_name AS "recipientName", phone, address, source, delivery_round_id AS "deliveryRoundId",
              awaits_merchant_confirmation AS "awaitsMerchantConfirmation"
         FROM ${this.s}.order_destinations WHERE order_id = $1`,
      [orderId],
    );
    return rows[0];
  }

  async recordPaid(manager: EntityManager, paid: PaidOrder, paidAt: string): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.s}.paid_orders (order_id, payment_id, correlation_id, paid_at, delivery_round_id, awaits_merchant_confirmation)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (order_id) DO NOTHING`,
      [paid.orderId, paid.paymentId, paid.correlationId, paidAt, paid.deliveryRoundId ?? null, paid.awaitsMerchantConfirmation === true],
    );
  }

  async findPaid(manager: EntityManager, orderId: string): Promise<PaidOrder | undefined> {
    const rows: PaidOrder[] = await manager.query(
      `SELECT order_id AS "orderId", payment_id AS "paymentId", correlation_id AS "correlationId", delivery_round_id AS "deliveryRoundId",
              awaits_merchant_confirmation AS "awaitsMerchantConfirmation"
         FROM ${this.s}.paid_orders WHERE order_id = $1`,
      [orderId],
    );
    return rows[0];
  }

  async findShipment(manager: EntityManager, orderId: string): Promise<ShipmentRow | undefined> {
    const rows: ShipmentRow[] = await manager.query(`SELECT ${SHIPMENT_COLUMNS} FROM ${this.s}.shipments WHERE order_id = $1`, [orderId]);
    return rows[0];
  }

  /** False when the tracking number is taken (the caller asks the carrier for another). */
  async insertShipment(manager: EntityManager, shipment: ShipmentRow): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ${this.s}.shipments (id, order_id, carrier, tracking_number, status, recipient_name, phone, address, shipped_at, estimated_delivery_at, delivery_round_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (tracking_number) DO NOTHING RETURNING id`,
      [
        shipment.id,
        shipment.orderId,
        shipment.carrier,
        shipment.trackingNumber,
        shipment.status,
        shipment.recipientName,
        shipment.phone,
        shipment.address,
        shipment.shippedAt,
        shipment.estimatedDeliveryAt,
        shipment.deliveryRoundId,
      ],
    );
    return rows.length === 1;
  }

  /** Idempotent: a redelivered or concurrent DeliveryRoundStarted keeps the first start. */
  async recordRoundStarted(manager: EntityManager, round: DeliveryRound): Promise<void> {
    await manager.query(`INSERT INTO ${this.s}.delivery_rounds (id, restaurant_id, started_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
      round.id,
      round.restaurantId,
      round.startedAt,
    ]);
  }

  async isRoundStarted(manager: EntityManager, roundId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM ${this.s}.delivery_rounds WHERE id = $1`, [roundId]);
    return rows.length === 1;
  }

  async recordCancelled(manager: EntityManager, cancelled: { orderId: string; reason: string; cancelledAt: string }): Promise<void> {
    await manager.query(`INSERT INTO ${this.s}.cancelled_orders (order_id, reason, cancelled_at) VALUES ($1, $2, $3) ON CONFLICT (order_id) DO NOTHING`, [
      cancelled.orderId,
      cancelled.reason,
      cancelled.cancelledAt,
    ]);
  }

  async isCancelled(manager: EntityManager, orderId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM ${this.s}.cancelled_orders WHERE order_id = $1`, [orderId]);
    return rows.length === 1;
  }

  /** Idempotent: a redelivered OrderConfirmed keeps the first confirmation. */
  async recordConfirmed(manager: EntityManager, confirmed: { orderId: string; confirmedAt: string }): Promise<void> {
    await manager.query(`INSERT INTO ${this.s}.confirmed_orders (order_id, confirmed_at) VALUES ($1, $2) ON CONFLICT (order_id) DO NOTHING`, [
      confirmed.orderId,
      confirmed.confirmedAt,
    ]);
  }

  async isConfirmed(manager: EntityManager, orderId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM ${this.s}.confirmed_orders WHERE order_id = $1`, [orderId]);
    return rows.length === 1;
  }

  /** Serialises everything that may ship one order (event handlers and the command) until commit. */
  async lockOrder(manager: EntityManager, orderId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`shipment:${orderId}`]);
  }
}
