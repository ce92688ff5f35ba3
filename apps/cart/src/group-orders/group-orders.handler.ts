import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type CommandReply, Commands } from '@order-platform/contracts';
import { replyOrUnavailable } from '@order-platform/service-kit';
import { GroupOrderPlacementService } from './placement/group-order-placement.service';
import { GroupOrderReadsService } from './reads/group-order-reads.service';

/** The gateway's group-order commands; each always replies (never throws): the gateway is waiting. */
@Controller()
export class GroupOrdersHandler {
  private readonly logger = new Logger(GroupOrdersHandler.name);

  constructor(
    private readonly placement: GroupOrderPlacementService,
    private readonly reads: GroupOrderReadsService,
  ) {}

  @MessagePattern(Commands.GroupOrders.CreateOrder)
  create(@Payload() request: unknown) {
    return this.safely('create group order', () => this.placement.create(request));
  }

  @MessagePattern(Commands.GroupOrders.JoinGroupOrder)
  join(@Payload() request: unknown) {
    return this.safely('join group order', () => this.placement.join(request));
  }

  @MessagePattern(Commands.GroupOrders.CreateExternalOrder)
  createExternal(@Payload() request: unknown) {
    return this.safely('create external order', () => this.placement.createExternal(request));
  }

  @MessagePattern(Commands.GroupOrders.GetOrder)
  getOrder(@Payload() request: unknown) {
    return this.safely('get member order', () => this.reads.getOrder(request));
  }

  @MessagePattern(Commands.GroupOrders.ListCustomerOrders)
  listCustomerOrders(@Payload() request: unknown) {
    return this.safely('list customer orders', () => this.reads.listCustomerOrders(request));
  }

  @MessagePattern(Commands.GroupOrders.GetGroupOrder)
  getGroupOrder(@Payload() request: unknown) {
    return this.safely('get group order', () => this.reads.getGroupOrder(request));
  }

  @MessagePattern(Commands.GroupOrders.ListGroupOrders)
  listGroupOrders(@Payload() request: unknown) {
    return this.safely('list group orders', () => this.reads.listGroupOrders(request));
  }

  private safely<T>(what: string, run: () => Promise<CommandReply<T>>): Promise<CommandReply<T>> {
    return replyOrUnavailable(this.logger, what, 'cart is unavailable, please retry', run);
  }

}
