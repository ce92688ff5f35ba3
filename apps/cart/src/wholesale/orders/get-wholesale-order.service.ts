import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CommandReply, replyOk, validateCommand, WholesaleGetOrderRequest, type WholesaleOrderView } from '@order-platform/contracts';
import { DataSource } from 'typeorm';
import { TradeCustomerDirectory } from '../customers/trade-customer-directory';
import { orderNotFound, presentedApiKey, unauthorized } from './wholesale-command-context';
import { toWholesaleOrderView } from './to-wholesale-order-view';
import { WholesaleOrderRepository } from './wholesale-order.repository';

/** One of the caller's orders; another customer's order is NOT_FOUND, never FORBIDDEN. */
@Injectable()
export class GetWholesaleOrderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: TradeCustomerDirectory,
    private readonly orders: WholesaleOrderRepository,
  ) {}

  async get(raw: unknown): Promise<CommandReply<WholesaleOrderView>> {
    const manager = this.dataSource.manager;
    const customer = await this.customers.authenticate(manager, presentedApiKey(raw));
    if (!customer) return unauthorized();
    const parsed = validateCommand(WholesaleGetOrderRequest, raw);
    if (!parsed.ok) return parsed.reply;
    const order = await this.orders.findById(manager, customer.id, parsed.value.orderId);
    return order ? replyOk(toWholesaleOrderView(order)) : orderNotFound(parsed.value.orderId);
  }
}
