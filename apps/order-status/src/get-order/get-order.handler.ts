import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { replyOrUnavailable } from '@order-platform/service-kit';
import { type CommandReply, Commands, type GetOrderResponse } from '@order-platform/contracts';
import { GetOrderService } from './get-order.service';

@Controller()
export class GetOrderHandler {
  private readonly logger = new Logger(GetOrderHandler.name);

  constructor(private readonly service: GetOrderService) {}

  /** Always replies (never throws): the gateway is waiting for an answer. */
  @MessagePattern(Commands.OrderStatus.GetOrder)
  getOrder(@Payload() query: unknown): Promise<CommandReply<GetOrderResponse>> {
    return replyOrUnavailable(this.logger, 'get-order', 'order status is unavailable, please retry', () => this.service.get(query));
  }
}
