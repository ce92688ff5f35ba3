import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandErrorCodes, type CommandReply, Commands, replyError, type RestaurantDecisionResponse } from '@order-platform/contracts';
import { RestaurantDecisionService } from './restaurant-decision.service';

@Controller()
export class RestaurantDecisionHandler {
  private readonly logger = new Logger(RestaurantDecisionHandler.name);

  constructor(private readonly service: RestaurantDecisionService) {}

  /** Always replies (never throws): the gateway is waiting for an answer. */
  @MessagePattern(Commands.CustomerApp.RestaurantDecision)
  async decide(@Payload() request: unknown): Promise<CommandReply<RestaurantDecisionResponse>> {
    try {
      return await this.service.handle(request);
    } catch (error) {
      this.logger.error({ err: error }, 'restaurant decision failed');
      return replyError(CommandErrorCodes.Unavailable, 'order status is unavailable, please retry');
    }
  }
}
