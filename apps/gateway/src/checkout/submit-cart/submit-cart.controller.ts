import { Body, Controller, Headers, HttpCode, Post, UseFilters } from '@nestjs/common';
import { ApiBadRequestResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Commands } from '@order-platform/contracts';
import type { SubmittedCartResponse } from '@order-platform/service-kit';
import { randomUUID } from 'node:crypto';
import { CommandFailedError } from '../../api-errors/command-failed.error';
import { CommandBus } from '../../commands/command-bus.service';
import { CheckoutExceptionFilter } from '../checkout-exception.filter';
import { CartOrderView } from './cart-order.view';
import { CHECKOUT_FIELD_ALIASES, toCartOrderView, toSubmitCartCommand } from './cart-order.presenter';
import { SubmitCartDto } from './submit-cart.dto';

@ApiTags('checkout')
@UseFilters(CheckoutExceptionFilter)
@Controller('api/order')
export class SubmitCartController {
  constructor(private readonly commands: CommandBus) {}

  @Post('cart.json')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit a cart as an order; prices include tax' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key return the same order' })
  @ApiOkResponse({ type: CartOrderView })
  @ApiBadRequestResponse({ description: '{ error, details: [{ field, message }] }' })
  async submitCart(
    @Body() dto: SubmitCartDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CartOrderView> {
    const cartId = idempotencyKey?.trim() || randomUUID();
    try {
      const order = await this.commands.send<SubmittedCartResponse>(
        Commands.Cart.SubmitCart,
        toSubmitCartCommand(dto, cartId),
        dto.customerId,
      );
      return toCartOrderView(order);
    } catch (error) {
      throw error instanceof CommandFailedError ? error.withFieldAliases(CHECKOUT_FIELD_ALIASES) : error;
    }
  }
}
