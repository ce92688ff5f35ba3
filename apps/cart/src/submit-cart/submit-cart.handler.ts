import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandErrorCodes, type CommandReply, Commands, replyError } from '@order-platform/contracts';
import type { SubmittedCartResponse } from '@order-platform/service-kit';
import { SubmitCartService } from './submit-cart.service';

@Controller()
export class SubmitCartHandler {
  private readonly logger = new Logger(SubmitCartHandler.name);

  constructor(private readonly service: SubmitCartService) {}

  /** Always replies (never throws): the gateway is waiting, and a thrown error would hide the cause. */
  @MessagePattern(Commands.Cart.SubmitCart)
  async submitCart(@Payload() command: unknown): Promise<CommandReply<SubmittedCartResponse>> {
    try {
      return await this.service.submit(command);
    } catch (error) {
      this.logger.error({ err: error }, 'submit-cart failed');
      return replyError(CommandErrorCodes.Unavailable, 'cart could not be submitted, please retry');
    }
  }
}
