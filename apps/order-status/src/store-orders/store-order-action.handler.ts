import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { replyOrUnavailable } from '@order-platform/service-kit';
import { type CommandReply, Commands, type StoreOrderView } from '@order-platform/contracts';
import { StoreOrderActionService } from './store-order-action.service';

@Controller()
export class StoreOrderActionHandler {
  private readonly logger = new Logger(StoreOrderActionHandler.name);

  constructor(private readonly service: StoreOrderActionService) {}

  /** Always replies (never throws): the gateway is waiting for an answer. */
  @MessagePattern(Commands.OrderStatus.StoreOrderAction)
  act(@Payload() request: unknown): Promise<CommandReply<StoreOrderView>> {
    return replyOrUnavailable(this.logger, 'store action', 'order status is unavailable, please retry', () => this.service.handle(request));
  }
}
