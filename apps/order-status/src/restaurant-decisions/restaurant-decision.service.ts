import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CommandReply,
  createEvent,
  replyError,
  replyOk,
  RestaurantDecisionRequest,
  type RestaurantDecisionResponse,
  Topics,
  validateCommand,
} from '@order-platform/contracts';
import { OutboxWriter } from '@order-platform/messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { lifecycleEvent } from '../lifecycle/lifecycle-event.factory';
import { isDeliveryStatusCode, isOrderStatusCode, type LifecycleState, PaymentStatus, statusText } from '../lifecycle/order-lifecycle-state';
import { type LifecycleAction, transition } from '../lifecycle/order-state-machine';
import { StoreOrderRepository } from '../store-orders/store-order.repository';

interface DecisionRow {
  order_id: string;
  lifecycle_status: number;
  payment_status: number;
  delivery_status: number;
  paid: boolean;
  refunded: boolean;
}

/**
 * The restaurant's accept / reject as lifecycle actions, under the order row's lock like the
 * store actions. The row is created if no checkout event has reached order-status yet. Payment
 * is read from the row and the order's timeline (PaymentProcessed), so a paid card order's
 * cancellation says refundRequired and payment refunds it.
 */
@Injectable()
export class RestaurantDecisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: StoreOrderRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async handle(raw: unknown): Promise<CommandReply<RestaurantDecisionResponse>> {
    const parsed = validateCommand(RestaurantDecisionRequest, raw);
    if (!parsed.ok) return parsed.reply;
    return this.dataSource.transaction((manager) => this.apply(manager, parsed.value));
  }

  private async apply(manager: EntityManager, request: RestaurantDecisionRequest): Promise<CommandReply<RestaurantDecisionResponse>> {
    const row = await lockOrder(manager, request.orderId);
    const state = stateOf(row);
    const action: LifecycleAction = request.decision === 'reject' ? 'restaurantReject' : request.paymentTerms === 'cash' ? 'restaurantAcceptCash' : 'restaurantAccept';
    const outcome = transition(state, action);
    if (!outcome.ok) {
      return replyError('VALIDATION_FAILED', `${outcome.refusal.message} (order is ${statusText(state.status)}).`, { errorKey: 'invalidOrderState', refusal: outcome.refusal.code });
    }
    await this.orders.saveLifecycle(manager, row.order_id, outcome.to);
    const correlationId = request.correlationId ?? randomUUID();
    const at = new Date();
    if (request.decision === 'reject') {
      const rejected = createEvent(
        Topics.OrderRejected,
        { orderId: row.order_id, reasonCode: 'restaurant_rejected', reason: request.reason ?? 'Rejected by the restaurant', rejectedAt: at.toISOString() },
        { correlationId, occurredAt: at },
      );
      await this.outbox.append(manager, rejected);
      await this.orders.addTimelineStep(manager, { orderId: row.order_id, eventId: rejected.id, type: rejected.type, at: rejected.occurredAt, details: { by: 'restaurant', reason: rejected.payload.reason } });
    }
    if (outcome.event) {
      const event = lifecycleEvent(
        outcome.event,
        { orderId: row.order_id, customerId: request.customerId, currency: request.currency, amountMinor: request.totalMinor, actor: 'merchant', reason: request.reason ?? 'Rejected by the restaurant', correlationId },
        outcome.to,
        at,
      );
      await this.outbox.append(manager, event);
      await this.orders.addTimelineStep(manager, { orderId: row.order_id, eventId: event.id, type: event.type, at: event.occurredAt, details: { by: 'restaurant', action: request.decision, ...(request.reason ? { reason: request.reason } : {}) } });
      if (event.type === 'OrderCancelled') await this.orders.markCheckoutCancelled(manager, row.order_id, request.reason ?? 'Rejected by the restaurant');
    }
    return replyOk({ orderId: row.order_id, lifecycleStatus: outcome.to.status, refundRequired: request.decision === 'reject' && outcome.to.paymentStatus === PaymentStatus.Paid });
  }
}

/** Creates the order row if no event has arrived yet (as the event tracker does), then locks it. */
async function lockOrder(manager: EntityManager, orderId: string): Promise<DecisionRow> {
  await manager.query(`INSERT INTO orders (order_id, status) VALUES ($1, 'pending') ON CONFLICT (order_id) DO NOTHING`, [orderId]);
  const rows: DecisionRow[] = await manager.query(
    `SELECT o.order_id, o.lifecycle_status, o.payment_status, o.delivery_status,
            EXISTS (SELECT 1 FROM order_timeline t WHERE t.order_id = o.order_id AND t.step = 'PaymentProcessed') AS paid,
            EXISTS (SELECT 1 FROM order_timeline t WHERE t.order_id = o.order_id AND t.step = 'PaymentRefunded') AS refunded
       FROM orders o WHERE o.order_id = $1 FOR UPDATE OF o`,
    [orderId],
  );
  return rows[0]!;
}

/** The checkout's payment events count as payment on the lifecycle's axis. */
function stateOf(row: DecisionRow): LifecycleState {
  if (!isOrderStatusCode(row.lifecycle_status) || !isDeliveryStatusCode(row.delivery_status)) throw new Error(`order ${row.order_id} has unknown lifecycle codes`);
  const paymentStatus = row.refunded ? PaymentStatus.Refunded : row.paid || row.payment_status === PaymentStatus.Paid ? PaymentStatus.Paid : PaymentStatus.Unpaid;
  return { status: row.lifecycle_status, paymentStatus, deliveryStatus: row.delivery_status };
}
