import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { replyOrUnavailable } from '@order-platform/service-kit';
import { type CommandReply, Commands, type GroupOrderView } from '@order-platform/contracts';
import { ConfirmGroupOrderService } from './confirm-group-order.service';

/** The restaurant's confirmation command; always replies (never throws): the gateway is waiting. */
@Controller()
export class ConfirmGroupOrderHandler {
  private readonly logger = new Logger(ConfirmGroupOrderHandler.name);

  constructor(private readonly confirmation: ConfirmGroupOrderService) {}

  @MessagePattern(Commands.GroupOrders.ConfirmGroupOrder)
  confirm(@Payload() request: unknown): Promise<CommandReply<GroupOrderView>> {
    return replyOrUnavailable(this.logger, 'confirm group order', 'cart is unavailable, please retry', () => this.confirmation.confirm(request));
  }
}
