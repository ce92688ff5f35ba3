import { Commands, type CustomerAppOrderView, type GetOrderResponse } from '@order-platform/contracts';
import type { CommandBus } from '../commands/command-bus.service';
import { OrderReads } from './order-reads';

/** `ORDER_READS=kafka`: the get-order commands over Kafka request-reply, keyed by the order. */
export class KafkaOrderReads extends OrderReads {
  constructor(private readonly bus: CommandBus) {
    super();
  }

  getOrder(orderId: string): Promise<GetOrderResponse> {
    return this.bus.send<GetOrderResponse>(Commands.OrderStatus.GetOrder, { orderId }, orderId);
  }

  getCustomerAppOrder(orderId: string): Promise<CustomerAppOrderView> {
    return this.bus.send<CustomerAppOrderView>(Commands.CustomerApp.GetOrder, { orderId }, orderId);
  }
}
