import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Put, Res, UseFilters, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  Commands,
  type WholesaleOrderView as OrderFromCart,
  type WholesalePlaceOrderResponse,
  type WholesaleUpsertOrderResponse,
} from '@order-platform/contracts';
import type { FastifyReply } from 'fastify';
import { CommandFailedError } from '../../api-errors/command-failed.error';
import { CommandBus } from '../../commands/command-bus.service';
import { TradeApiKey } from '../auth/trade-api-key.decorator';
import { TradeApiKeyGuard } from '../auth/trade-api-key.guard';
import { WholesaleExceptionFilter } from '../wholesale-exception.filter';
import { toUpsertCommand, toWholesaleOrderView, WHOLESALE_FIELD_ALIASES } from './wholesale-order.presenter';
import { UpsertWholesaleOrderDto } from './upsert-wholesale-order.dto';
import { WholesaleOrderView } from './wholesale-order.view';

const ORDER_ID = /^[1-9]\d{0,14}$/;

/** The wholesale (B2B) orders API: trade customers view, create, update and place their orders. */
@ApiTags('wholesale')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: '{ "message": "Invalid API credentials" }' })
@UseFilters(WholesaleExceptionFilter)
@UseGuards(TradeApiKeyGuard)
@Controller('apis/customer/orders')
export class WholesaleOrdersController {
  constructor(private readonly commands: CommandBus) {}

  @Get(':order_id')
  @ApiOperation({ summary: 'One of your orders' })
  @ApiParam({ name: 'order_id', example: 2345 })
  @ApiOkResponse({ type: WholesaleOrderView })
  @ApiNotFoundResponse({ description: 'No such order, or not yours' })
  async get(@Param('order_id') orderId: string, @TradeApiKey() apiKey: string): Promise<WholesaleOrderView> {
    const order = await this.send<OrderFromCart>(Commands.Cart.WholesaleGetOrder, { apiKey, orderId: this.orderIdOf(orderId) }, orderId);
    return toWholesaleOrderView(order);
  }

  @Post()
  @ApiOperation({ summary: 'Create an order (201), or update your OPEN order with the same customer_order_no (200)' })
  @ApiCreatedResponse({ type: WholesaleOrderView, description: 'Created' })
  @ApiOkResponse({ type: WholesaleOrderView, description: 'Updated' })
  @ApiUnprocessableEntityResponse({ description: '{ "message", "errors": { "field": ["message"] } }' })
  @ApiConflictResponse({ description: 'The order with this customer_order_no has been placed' })
  async upsert(@Body() dto: UpsertWholesaleOrderDto, @TradeApiKey() apiKey: string, @Res() reply: FastifyReply): Promise<void> {
    const result = await this.send<WholesaleUpsertOrderResponse>(Commands.Cart.WholesaleUpsertOrder, toUpsertCommand(dto, apiKey), dto.customer_order_no);
    await reply.status(result.created ? 201 : 200).send(toWholesaleOrderView(result.order));
  }

  @Put(':order_id/place')
  @HttpCode(204)
  @ApiOperation({ summary: 'Place an OPEN order: it enters invoicing, payment and shipment' })
  @ApiParam({ name: 'order_id', example: 2345 })
  @ApiNoContentResponse({ description: 'Placed' })
  @ApiNotFoundResponse({ description: 'No such order, or not yours' })
  @ApiConflictResponse({ description: 'The order is not OPEN' })
  async place(@Param('order_id') orderId: string, @TradeApiKey() apiKey: string): Promise<void> {
    await this.send<WholesalePlaceOrderResponse>(Commands.Cart.WholesalePlaceOrder, { apiKey, orderId: this.orderIdOf(orderId) }, orderId);
  }

  /** Anything but a positive whole number cannot name an order: 404, like an unknown one. */
  private orderIdOf(raw: string): number {
    if (!ORDER_ID.test(raw)) throw new NotFoundException(`Order ${raw} not found`);
    return Number(raw);
  }

  /** `key` (order id or customer_order_no) keeps commands about one order on one partition, in order. */
  private async send<T>(topic: string, payload: object, key: string): Promise<T> {
    try {
      return await this.commands.send<T>(topic, payload, key);
    } catch (error) {
      throw error instanceof CommandFailedError ? error.withFieldAliases(WHOLESALE_FIELD_ALIASES) : error;
    }
  }
}
