import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandErrorCodes, type CommandReply, Commands, type GetOrderResponse, replyError } from '@order-platform/contracts';
import { GetOrderService } from './get-order.service';

@Controller()
export class GetOrderHandler {
  private readonly logger = new Logger(GetOrderHandler.name);

  constructor(private readonly service: GetOrderService) {}

  /** Always replies (never throws): the gateway is waiting for an answer. */
  @MessagePattern(Commands.OrderStatus.GetOrder)
  async getOrder(@Payload() query: unknown): Promise<CommandReply<GetOrderResponse>> {
    try {
      return await this.service.get(query);
    } catch (error) {
      this.logger.error({ err: error }, 'get-order failed');
      return replyError(CommandErrorCodes.Unavailable, 'order status is unavailable, please retry');
    }
  }
}
