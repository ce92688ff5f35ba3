import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CommandErrorCodes,
  type CommandReply,
  INVALID_STORE_TOKEN,
  replyError,
  replyOk,
  type StoreOrderAction,
  StoreOrderActionRequest,
  type StoreOrderView,
  type StoreRefusal,
  validateCommand,
} from '@order-platform/contracts';
import { OutboxWriter } from '@order-platform/messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { lifecycleEvent } from '../lifecycle/lifecycle-event.factory';
import { type LifecycleAction, type RefusalCode, transition } from '../lifecycle/order-state-machine';
import { lifecycleStateOf, toStoreOrderView } from './store-order.record';
import { StoreOrderRepository } from './store-order.repository';

const LIFECYCLE_ACTION_OF: Record<StoreOrderAction, LifecycleAction> = {
  confirm: 'confirm',
  paid: 'markPaid',
  complete: 'complete',
  cancel: 'cancel',
};

const STORE_REFUSAL_OF: Partial<Record<RefusalCode, StoreRefusal>> = {
  ALREADY_CONFIRMED: 'ALREADY_CONFIRMED',
  ALREADY_PAID: 'ALREADY_PAID',
  ALREADY_COMPLETED: 'ALREADY_COMPLETED',
  ALREADY_CANCELLED: 'ALREADY_CANCELLED',
};

export const STORE_CANCELLATION_REASON = 'Cancelled by the store';

/**
 * One store action in one transaction: resolve the store from the token's hash, lock its
 * order, run the state machine, save the new state and append the lifecycle event to the
 * outbox. Concurrent actions on one order wait on the row lock, so the second sees the
 * first's result and is refused by the table when the two conflict.
 */
@Injectable()
export class StoreOrderActionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: StoreOrderRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async handle(raw: unknown): Promise<CommandReply<StoreOrderView>> {
    const parsed = validateCommand(StoreOrderActionRequest, raw);
    if (!parsed.ok) return parsed.reply;
    return this.dataSource.transaction((manager) => this.apply(manager, parsed.value));
  }

  private async apply(manager: EntityManager, request: StoreOrderActionRequest): Promise<CommandReply<StoreOrderView>> {
    const store = await this.orders.storeOfToken(manager, request.token);
    if (!store) return replyError(CommandErrorCodes.Unauthorized, INVALID_STORE_TOKEN);

    const row = await this.orders.lockOrder(manager, store.storeId, request.orderNumber);
    if (!row) return refuse('ORDER_NOT_FOUND', 'Order not found');

    const outcome = transition(lifecycleStateOf(row), LIFECYCLE_ACTION_OF[request.action]);
    if (!outcome.ok) {
      const storeRefusal = STORE_REFUSAL_OF[outcome.refusal.code];
      // The store actions can only meet the four refusals above; anything else is a table change to look at.
      if (!storeRefusal) throw new Error(`store action ${request.action} met unmapped refusal ${outcome.refusal.code}`);
      return refuse(storeRefusal, outcome.refusal.message);
    }

    await this.orders.saveLifecycle(manager, row.order_id, outcome.to);
    if (outcome.event) {
      const event = lifecycleEvent(
        outcome.event,
        {
          orderId: row.order_id,
          customerId: row.customer_id ?? row.user_id ?? `store-${store.storeId}`,
          currency: row.currency,
          amountMinor: Number(row.grand_total_minor),
          actor: 'merchant',
          reason: STORE_CANCELLATION_REASON,
          correlationId: request.correlationId ?? randomUUID(),
        },
        outcome.to,
      );
      await this.outbox.append(manager, event);
      await this.orders.addTimelineStep(manager, { orderId: row.order_id, eventId: event.id, type: event.type, at: event.occurredAt, details: { by: 'store', action: request.action } });
      if (event.type === 'OrderCancelled') await this.orders.markCheckoutCancelled(manager, row.order_id, STORE_CANCELLATION_REASON);
    }
    return replyOk(toStoreOrderView(row, outcome.to));
  }
}

function refuse(refusal: StoreRefusal, message: string): CommandReply<StoreOrderView> {
  return replyError(CommandErrorCodes.ValidationFailed, message, { refusal });
}
