import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CommandErrorCodes, type CommandReply, Commands, replyError } from '@order-platform/contracts';
import { CustomerAppOrdersService } from './customer-app-orders.service';

/** The customer-app commands; each always replies (never throws): the gateway is waiting. */
@Controller()
export class CustomerAppOrdersHandler {
  private readonly logger = new Logger(CustomerAppOrdersHandler.name);

  constructor(private readonly orders: CustomerAppOrdersService) {}

  @MessagePattern(Commands.CustomerApp.Authenticate)
  authenticate(@Payload() request: unknown) {
    return this.safely('authenticate', () => this.orders.authenticate(request));
  }

  @MessagePattern(Commands.CustomerApp.CreateOrder)
  create(@Payload() request: unknown) {
    return this.safely('create order', () => this.orders.create(request));
  }

  @MessagePattern(Commands.CustomerApp.OrderStep)
  step(@Payload() request: unknown) {
    return this.safely('order step', () => this.orders.step(request));
  }

  @MessagePattern(Commands.CustomerApp.GetOrder)
  get(@Payload() request: unknown) {
    return this.safely('get order', () => this.orders.get(request));
  }

  @MessagePattern(Commands.CustomerApp.RecordDecision)
  recordDecision(@Payload() request: unknown) {
    return this.safely('record decision', () => this.orders.recordDecision(request));
  }

  private async safely<T>(what: string, run: () => Promise<CommandReply<T>>): Promise<CommandReply<T>> {
    try {
      return await run();
    } catch (error) {
      this.logger.error({ err: error }, `${what} failed`);
      return replyError(CommandErrorCodes.Unavailable, 'cart is unavailable, please retry');
    }
  }
}
