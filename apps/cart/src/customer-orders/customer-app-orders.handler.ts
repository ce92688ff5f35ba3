import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type CommandReply, Commands } from '@order-platform/contracts';
import { replyOrUnavailable } from '@order-platform/service-kit';
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

  private safely<T>(what: string, run: () => Promise<CommandReply<T>>): Promise<CommandReply<T>> {
    return replyOrUnavailable(this.logger, what, 'cart is unavailable, please retry', run);
  }

}
