import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CommandErrorCodes,
  type CommandReply,
  Commands,
  replyError,
  type WholesaleOrderView,
  type WholesalePlaceOrderResponse,
  type WholesaleUpsertOrderResponse,
} from '@order-platform/contracts';
import { GetWholesaleOrderService } from './orders/get-wholesale-order.service';
import { PlaceWholesaleOrderService } from './orders/place-wholesale-order.service';
import { UpsertWholesaleOrderService } from './orders/upsert-wholesale-order.service';

/** The wholesale commands. Always replies (never throws): the gateway is waiting. */
@Controller()
export class WholesaleCommandsHandler {
  private readonly logger = new Logger(WholesaleCommandsHandler.name);

  constructor(
    private readonly getOrder: GetWholesaleOrderService,
    private readonly upsertOrder: UpsertWholesaleOrderService,
    private readonly placeOrder: PlaceWholesaleOrderService,
  ) {}

  @MessagePattern(Commands.Cart.WholesaleGetOrder)
  get(@Payload() command: unknown): Promise<CommandReply<WholesaleOrderView>> {
    return this.answer('wholesale-get-order', () => this.getOrder.get(command));
  }

  @MessagePattern(Commands.Cart.WholesaleUpsertOrder)
  upsert(@Payload() command: unknown): Promise<CommandReply<WholesaleUpsertOrderResponse>> {
    return this.answer('wholesale-upsert-order', () => this.upsertOrder.upsert(command));
  }

  @MessagePattern(Commands.Cart.WholesalePlaceOrder)
  place(@Payload() command: unknown): Promise<CommandReply<WholesalePlaceOrderResponse>> {
    return this.answer('wholesale-place-order', () => this.placeOrder.place(command));
  }

  private async answer<T>(command: string, run: () => Promise<CommandReply<T>>): Promise<CommandReply<T>> {
    try {
      return await run();
    } catch (error) {
      this.logger.error({ err: error }, `${command} failed`);
      return replyError(CommandErrorCodes.Unavailable, 'the order could not be processed, please retry');
    }
  }
}
