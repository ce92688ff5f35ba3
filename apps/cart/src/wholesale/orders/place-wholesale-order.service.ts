import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CommandErrorCodes,
  type CommandReply,
  createEvent,
  replyError,
  replyOk,
  Topics,
  validateCommand,
  WholesalePlaceOrderRequest,
  type WholesalePlaceOrderResponse,
} from '@order-platform/contracts';
import { OutboxWriter } from '@order-platform/messaging';
import { currentCorrelationId } from '@order-platform/service-kit';
import { DataSource } from 'typeorm';
import { TradeCustomerDirectory } from '../customers/trade-customer-directory';
import { orderNotFound, presentedApiKey, unauthorized } from './wholesale-command-context';
import { wholesaleCartUpdated } from './wholesale-cart-updated';
import { WholesaleOrderRepository } from './wholesale-order.repository';

/**
 * OPEN -> PLACED: records who placed it and appends CartUpdated to the outbox in the same
 * transaction, so the order enters the checkout flow exactly once. The row lock makes two
 * concurrent places of one order answer one success and one CONFLICT.
 */
@Injectable()
export class PlaceWholesaleOrderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: TradeCustomerDirectory,
    private readonly orders: WholesaleOrderRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async place(raw: unknown): Promise<CommandReply<WholesalePlaceOrderResponse>> {
    const customer = await this.customers.authenticate(this.dataSource.manager, presentedApiKey(raw));
    if (!customer) return unauthorized();
    const parsed = validateCommand(WholesalePlaceOrderRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const { orderId, correlationId } = parsed.value;

    return this.dataSource.transaction(async (manager) => {
      const order = await this.orders.findById(manager, customer.id, orderId, true);
      if (!order) return orderNotFound(orderId);
      if (order.orderState !== 'OPEN') {
        return replyError(CommandErrorCodes.Conflict, `Order ${orderId} has already been placed`);
      }
      await this.orders.markPlaced(manager, orderId, customer.contactName);
      const placed = { ...order, orderState: 'PLACED' as const, placedBy: customer.contactName };
      await this.outbox.append(
        manager,
        createEvent(Topics.CartUpdated, wholesaleCartUpdated(placed, customer), {
          correlationId: currentCorrelationId() ?? correlationId ?? order.platformOrderId,
        }),
      );
      return replyOk({ orderId, platformOrderId: order.platformOrderId, orderState: 'PLACED' });
    });
  }
}
