import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Res, UseFilters, UseGuards, Options } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Commands, isStoreRefusalDetails, type StoreOrderAction, type StoreOrderView } from '@order-platform/contracts';
import type { FastifyReply } from 'fastify';
import { CommandFailedError } from '../../api-errors/command-failed.error';
import { CommandBus } from '../../commands/command-bus.service';
import { StoreAccessGuard } from '../auth/store-access.guard';
import { StoreToken } from '../auth/store-token.decorator';
import { StoreExceptionFilter } from '../store-exception.filter';
import { StoreOrderRefusedError } from '../store-api.errors';
import { ConfirmStoreOrderDto, StoreOrderRefDto } from './store-order-request.dto';
import { STORE_REFUSAL_WIRE, toStoreOrderBody } from './store-order.presenter';
import { StoreDetailBody, StoreErrorBody, StoreOrderBody } from './store-order.view';

const ACTION_PATHS = ['confirm', 'paid', 'complete', 'cancel'];
const ALLOW = 'POST, OPTIONS';

/** Store / POS integrations move their orders: confirm, paid, complete, cancel. */
@ApiTags('store')
@ApiHeader({ name: 'Authorization', description: 'token <store api token>', required: true })
@ApiUnauthorizedResponse({ type: StoreDetailBody, description: '{ "detail": "Invalid token" }' })
@ApiForbiddenResponse({ type: StoreDetailBody, description: '{ "detail": "Please use https instead of http" } (when HTTPS is required)' })
@ApiBadRequestResponse({ type: StoreErrorBody })
@UseFilters(StoreExceptionFilter)
@Controller('api/store/orders')
export class StoreOrdersController {
  constructor(private readonly commands: CommandBus) {}

  @Post('confirm')
  @HttpCode(200)
  @UseGuards(StoreAccessGuard)
  @ApiOperation({ summary: 'status 1 New -> 10 Confirmed; refused when already confirmed, complete or cancelled' })
  @ApiOkResponse({ type: StoreOrderBody })
  confirm(@Body() dto: ConfirmStoreOrderDto, @StoreToken() token: string): Promise<StoreOrderBody> {
    return this.act('confirm', dto.number, 'number', token);
  }

  @Post('paid')
  @HttpCode(200)
  @UseGuards(StoreAccessGuard)
  @ApiOperation({ summary: 'paymentStatus 1 unpaid -> 2 paid; refused when already paid or cancelled' })
  @ApiOkResponse({ type: StoreOrderBody })
  paid(@Body() dto: StoreOrderRefDto, @StoreToken() token: string): Promise<StoreOrderBody> {
    return this.act('paid', dto.order, 'order', token);
  }

  @Post('complete')
  @HttpCode(200)
  @UseGuards(StoreAccessGuard)
  @ApiOperation({ summary: 'status -> 20 Complete and paymentStatus -> 2 paid; refused when already complete or cancelled' })
  @ApiOkResponse({ type: StoreOrderBody })
  complete(@Body() dto: StoreOrderRefDto, @StoreToken() token: string): Promise<StoreOrderBody> {
    return this.act('complete', dto.order, 'order', token);
  }

  @Post('cancel')
  @HttpCode(200)
  @UseGuards(StoreAccessGuard)
  @ApiOperation({ summary: 'status -> 30 Cancelled, irreversibly; a paid order is flagged for refund (OrderCancelled)' })
  @ApiOkResponse({ type: StoreOrderBody })
  cancel(@Body() dto: StoreOrderRefDto, @StoreToken() token: string): Promise<StoreOrderBody> {
    return this.act('cancel', dto.order, 'order', token);
  }

  @Options(ACTION_PATHS)
  options(@Res() reply: FastifyReply): void {
    void reply.header('Allow', ALLOW).status(204).send();
  }

  // Fastify answers 404 for methods without a route; these say 405 with what is allowed instead.
  @Get(ACTION_PATHS)
  get(@Res() reply: FastifyReply): void {
    this.methodNotAllowed(reply);
  }

  @Put(ACTION_PATHS)
  put(@Res() reply: FastifyReply): void {
    this.methodNotAllowed(reply);
  }

  @Patch(ACTION_PATHS)
  patch(@Res() reply: FastifyReply): void {
    this.methodNotAllowed(reply);
  }

  @Delete(ACTION_PATHS)
  delete(@Res() reply: FastifyReply): void {
    this.methodNotAllowed(reply);
  }

  private methodNotAllowed(reply: FastifyReply): void {
    void reply.header('Allow', ALLOW).status(405).send({ detail: `Method "${reply.request.method}" not allowed.` });
  }

  private async act(action: StoreOrderAction, orderNumber: string, field: string, token: string): Promise<StoreOrderBody> {
    try {
      const view = await this.commands.send<StoreOrderView>(Commands.OrderStatus.StoreOrderAction, { action, orderNumber, token }, orderNumber);
      return toStoreOrderBody(view);
    } catch (error) {
      if (error instanceof CommandFailedError && isStoreRefusalDetails(error.error.details)) {
        const wire = STORE_REFUSAL_WIRE[error.error.details.refusal];
        throw new StoreOrderRefusedError(wire.message, wire.code, field);
      }
      throw error;
    }
  }
}
