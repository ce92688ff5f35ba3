import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { replyOrUnavailable } from '@order-platform/service-kit';
import { type CommandReply, Commands, type RestaurantDecisionResponse } from '@order-platform/contracts';
import { RestaurantDecisionService } from './restaurant-decision.service';

@Controller()
export class RestaurantDecisionHandler {
  private readonly logger = new Logger(RestaurantDecisionHandler.name);

  constructor(private readonly service: RestaurantDecisionService) {}

  /** Always replies (never throws): the gateway is waiting for an answer. */
  @MessagePattern(Commands.CustomerApp.RestaurantDecision)
  decide(@Payload() request: unknown): Promise<CommandReply<RestaurantDecisionResponse>> {
    return replyOrUnavailable(this.logger, 'restaurant decision', 'order status is unavailable, please retry', () => this.service.handle(request));
  }
}
