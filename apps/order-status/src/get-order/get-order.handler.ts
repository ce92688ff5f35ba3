import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type CommandReply, Commands, type GetOrderResponse } from '@order-platform/contracts';
import { GetOrderService } from './get-order.service';

@Controller()
export class GetOrderHandler {
  constructor(private readonly service: GetOrderService) {}

  /** Always replies (never throws): the gateway is waiting for an answer. */
  @MessagePattern(Commands.OrderStatus.GetOrder)
  getOrder(@Payload() query: unknown): Promise<CommandReply<GetOrderResponse>> {
    return this.service.answer(query);
  }
}
