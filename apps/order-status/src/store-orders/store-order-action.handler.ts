import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandErrorCodes, type CommandReply, Commands, replyError, type StoreOrderView } from '@order-platform/contracts';
import { StoreOrderActionService } from './store-order-action.service';

@Controller()
export class StoreOrderActionHandler {
  private readonly logger = new Logger(StoreOrderActionHandler.name);

  constructor(private readonly service: StoreOrderActionService) {}

  /** Always replies (never throws): the gateway is waiting for an answer. */
  @MessagePattern(Commands.OrderStatus.StoreOrderAction)
  async act(@Payload() request: unknown): Promise<CommandReply<StoreOrderView>> {
    try {
      return await this.service.handle(request);
    } catch (error) {
      this.logger.error({ err: error }, 'store action failed');
      return replyError(CommandErrorCodes.Unavailable, 'order status is unavailable, please retry');
    }
  }
}
