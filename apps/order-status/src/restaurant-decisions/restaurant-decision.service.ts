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
import { lifecycleStateOf, lockLifecycleOrder } from '../lifecycle/lifecycle-order-row';
import { PaymentStatus, statusText } from '../lifecycle/order-lifecycle-state';
import { type LifecycleAction, transition } from '../lifecycle/order-state-machine';
import { StoreOrderRepository } from '../store-orders/store-order.repository';

/**
 * The restaurant's accept / reject as lifecycle actions, under the order row's lock like the
 * store actions. The row is created if no checkout event has reached order-status yet. The
 * tracker keeps its payment axis current (PaymentProcessed), so a paid card order's
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
    const row = await lockLifecycleOrder(manager, request.orderId);
    const state = lifecycleStateOf(row);
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
