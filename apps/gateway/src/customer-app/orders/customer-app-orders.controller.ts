import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import {
  Commands,
  type CustomerAppOrderView,
  type GetOrderResponse,
  type GroupMemberOrderView,
  type RestaurantDecisionResponse,
} from '@order-platform/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { CommandFailedError } from '../../api-errors/command-failed.error';
import { flattenValidationErrors, RequestValidationError } from '../../api-errors/request-validation.error';
import { AppAuthGuard, CurrentApp } from '../../auth/app-auth.guard';
import { AppAuthError, type AppIdentity, wrongAuthenticatedUser } from '../../auth/app-identity';
import { CommandBus } from '../../commands/command-bus.service';
import { OrderReads } from '../../order-reads/order-reads';
import { FoodRushApiErrors } from '../../group-orders/shared/food-rush-api-errors.decorator';
import { FoodRushCommands } from '../../group-orders/shared/food-rush-commands';
import { ApiIdempotencyKeyHeader, idempotencyKeyOf } from '../../group-orders/shared/idempotency-key';
import { parseIncludeList } from '../../group-orders/shared/include-list';
import { isFoodRushOrderBody, requireJsonObject } from '../../group-orders/shared/json-object-body';
import { isDigitsOnly } from '../../group-orders/shared/numeric-id';
import { CreateFoodRushOrderRequestBody } from '../../group-orders/views/food-rush-request.body';
import { FoodRushOrderBody } from '../../group-orders/views/group-order.body';
import { CustomerAppExceptionFilter } from '../customer-app-exception.filter';
import { type CustomerAppOrderResponse, presentCustomerAppOrder } from './customer-app-order.presenter';
import { CreateOrderDto } from './create-order.dto';
import {
  CouponStepDto,
  CustomerDetailsStepDto,
  type OrderStepBody,
  PaymentConfirmationStepDto,
  RestaurantAcceptanceStepDto,
  RestaurantRejectionStepDto,
} from './order-step.dto';
import { parseStepBody } from './parse-step-body';

const STEP_MODELS = [CouponStepDto, CustomerDetailsStepDto, PaymentConfirmationStepDto, RestaurantAcceptanceStepDto, RestaurantRejectionStepDto];

/** The customer-app and restaurant-app orders API: create, step through, track. */
@ApiTags('customer-app')
@ApiBearerAuth()
@ApiExtraModels(...STEP_MODELS, CreateOrderDto, CreateFoodRushOrderRequestBody, FoodRushOrderBody)
@UseFilters(CustomerAppExceptionFilter)
@UseGuards(AppAuthGuard)
@Controller('orders')
export class CustomerAppOrdersController {
  /** FoodRush (group) orders share `POST /orders` and `GET /orders/{id}`; the cart's group-order commands answer them. */
  private readonly foodRush: FoodRushCommands;

  constructor(
    private readonly commands: CommandBus,
    private readonly orderReads: OrderReads,
  ) {
    this.foodRush = new FoodRushCommands(commands);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'STEP 1: create an order (CUSTOMER_APP) → 200. A body with foodRushDurationInMinutes creates a FoodRush group order instead → 201.',
    description:
      'Dispatch rule: a JSON object carrying `foodRushDurationInMinutes` is a FoodRush (group) order ' +
      '(CreateFoodRushOrderRequestBody; answers 201 with the FoodRush order and the group-orders errors); any other body ' +
      'is the customer app order of STEP 1 (CreateOrderDto; answers 200).',
  })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(CreateOrderDto) }, { $ref: getSchemaPath(CreateFoodRushOrderRequestBody) }] } })
  @ApiIdempotencyKeyHeader('order (customer-app draft or FoodRush member order)')
  @ApiOkResponse({ description: 'Customer-app order created (STEP 1)' })
  @ApiCreatedResponse({ description: 'FoodRush group order created (body with foodRushDurationInMinutes)', type: FoodRushOrderBody })
  @FoodRushApiErrors(
    'invalidRequest',
    'commentTooLong',
    'missingProductFormats',
    'missingDeliveryAddress',
    'wrongAuthenticatedUser',
    'userShouldBeActivated',
    'missingCustomerInformation',
    'unexistingProductFormats',
    'invalidFoodRushDuration',
    'noProductFormats',
    'productFormatsFromDifferentRestaurants',
    'deliveryDistanceTooLong',
    'restaurantNotLocated',
    'restaurantClosed',
    'restaurantClosingSoon',
    'restaurantDeliveryCapacityExceeded',
    'minimumGroupOrderPriceNotReached',
    'groupOrderAlreadyExisting',
    'invalidIdempotencyKey',
    'idempotencyKeyReused',
  )
  async create(
    @Body() body: unknown,
    @CurrentApp() app: AppIdentity,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('idempotency-key') idempotencyKeyHeader?: string,
  ): Promise<CustomerAppOrderResponse | GroupMemberOrderView> {
    const idempotency = idempotencyKeyOf(idempotencyKeyHeader);
    if (isFoodRushOrderBody(body)) {
      const order = await this.foodRush.createOrder(app, body, idempotency);
      void reply.status(201);
      return order;
    }
    const customerId = this.requireCustomer(app);
    const dto = plainToInstance(CreateOrderDto, requireJsonObject(body));
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw new RequestValidationError(flattenValidationErrors(errors));
    const order = await this.commands.send<CustomerAppOrderView>(Commands.CustomerApp.CreateOrder, { ...dto, customerId, ...idempotency }, customerId);
    return presentCustomerAppOrder(order);
  }

  @Put(':order_id')
  @ApiOperation({ summary: 'STEPS 1a-4b: one step per call, discriminated by `step`' })
  @ApiBody({ schema: { oneOf: STEP_MODELS.map((model) => ({ $ref: getSchemaPath(model) })), discriminator: { propertyName: 'step' } } })
  async step(@Param('order_id') orderId: string, @Body() body: unknown, @CurrentApp() app: AppIdentity): Promise<CustomerAppOrderResponse> {
    const step = parseStepBody(body);
    if (step instanceof RestaurantAcceptanceStepDto || step instanceof RestaurantRejectionStepDto) return this.restaurantStep(orderId, step, app);
    const customerId = await this.requireOrderCustomer(app, orderId);
    const order = await this.commands.send<CustomerAppOrderView>(Commands.CustomerApp.OrderStep, { orderId, customerId, ...cartStepFields(step) }, orderId);
    return presentCustomerAppOrder(order);
  }

  @Get(':order_id')
  @ApiOperation({
    summary: 'STEP 5: track the order (status, money, timeline); polling uses GET, not PUT. A digits-only id is a FoodRush order instead.',
    description:
      'Dispatch rule: customer-app orders have UUIDs; a digits-only id (e.g. `8`) names a FoodRush (group) order and answers ' +
      'FoodRushOrderBody, embedding what `include` lists (customer, groupOrder, deliveryAddress, productFormats, restaurant).',
  })
  @ApiQuery({ name: 'include', required: false, type: String, description: 'FoodRush orders only: comma-separated objects to embed', example: 'customer,groupOrder,deliveryAddress,productFormats' })
  @ApiOkResponse({ description: 'The customer-app order, or the FoodRush order for a digits-only id', schema: { oneOf: [{ type: 'object', description: 'customer-app order' }, { $ref: getSchemaPath(FoodRushOrderBody) }] } })
  @FoodRushApiErrors('wrongAuthenticatedUser', 'orderNotFound')
  async track(@Param('order_id') orderId: string, @Query('include') include: unknown, @CurrentApp() app: AppIdentity): Promise<CustomerAppOrderResponse | GroupMemberOrderView> {
    if (isDigitsOnly(orderId)) return this.foodRush.getOrder(app, orderId, parseIncludeList(include));
    const order = await this.getOwnOrder(orderId, app);
    const checkout = order.state === 'CREATED' || order.state === 'DETAILS_CONFIRMED' ? undefined : await this.checkoutOf(orderId);
    return presentCustomerAppOrder(order, checkout);
  }

  private async restaurantStep(orderId: string, step: RestaurantAcceptanceStepDto | RestaurantRejectionStepDto, app: AppIdentity): Promise<CustomerAppOrderResponse> {
    const order = await this.getOrder(orderId);
    if (app.role !== 'RESTAURANT_APP' || app.restaurantId !== order.restaurantId) throw wrongAuthenticatedUser({ kind: 'restaurant', id: order.restaurantId }, app);
    const accept = step instanceof RestaurantAcceptanceStepDto;
    if (order.state !== 'PAYMENT_CONFIRMED') {
      throw new FamilyRefusal('stepOutOfOrder', `Step ${step.step} is not allowed while the order is ${order.state}.`);
    }
    await this.commands.send<RestaurantDecisionResponse>(
      Commands.CustomerApp.RestaurantDecision,
      {
        orderId,
        restaurantId: order.restaurantId,
        customerId: order.customerId,
        totalMinor: order.totalMinor,
        currency: order.currency,
        decision: accept ? 'accept' : 'reject',
        paymentTerms: order.paymentMethod === 'CASH' ? 'cash' : 'card',
        ...(accept ? {} : { reason: (step as RestaurantRejectionStepDto).reason }),
      },
      orderId,
    );
    const recorded = await this.commands.send<CustomerAppOrderView>(
      Commands.CustomerApp.RecordDecision,
      { orderId, restaurantId: order.restaurantId, decision: accept ? 'ACCEPTED' : 'REJECTED', ...(accept ? {} : { reason: (step as RestaurantRejectionStepDto).reason }) },
      orderId,
    );
    return presentCustomerAppOrder(recorded, await this.checkoutOf(orderId));
  }

  private requireCustomer(app: AppIdentity): string {
    if (app.role === 'CUSTOMER_APP' && app.customerId) return app.customerId;
    throw new AppAuthError(403, 'wrongAuthenticatedUser', `Should be authenticated as a customer instead of restaurant app ${app.restaurantId ?? app.sub}.`);
  }

  /** A customer step on an existing order: only its customer may take it, and a refusal names that customer. */
  private async requireOrderCustomer(app: AppIdentity, orderId: string): Promise<string> {
    if (app.role === 'CUSTOMER_APP' && app.customerId) return app.customerId;
    const order = await this.getOrder(orderId);
    throw wrongAuthenticatedUser({ kind: 'customer', id: order.customerId }, app);
  }

  /** Customers see their own orders, restaurants theirs; anyone else is told whom to be. */
  private async getOwnOrder(orderId: string, app: AppIdentity): Promise<CustomerAppOrderView> {
    const order = await this.getOrder(orderId);
    if (app.role === 'CUSTOMER_APP' && app.customerId !== order.customerId) throw wrongAuthenticatedUser({ kind: 'customer', id: order.customerId }, app);
    if (app.role === 'RESTAURANT_APP' && app.restaurantId !== order.restaurantId) throw wrongAuthenticatedUser({ kind: 'restaurant', id: order.restaurantId }, app);
    return order;
  }

  /** cart's view of the order, over ORDER_READS like the checkout view. */
  private getOrder(orderId: string): Promise<CustomerAppOrderView> {
    return this.orderReads.getCustomerAppOrder(orderId);
  }

  /** The checkout read model; absent until order-status has seen the order's first event. */
  private async checkoutOf(orderId: string): Promise<GetOrderResponse | undefined> {
    try {
      return await this.orderReads.getOrder(orderId);
    } catch (error) {
      if (error instanceof CommandFailedError && error.error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  }
}

/** A 400 in the family's shape for refusals the gateway decides itself. */
class FamilyRefusal extends CommandFailedError {
  constructor(errorKey: string, message: string) {
    super({ code: 'VALIDATION_FAILED', message, details: { errorKey } });
  }
}

function cartStepFields(step: OrderStepBody): object {
  if (step instanceof CouponStepDto) return { step: 'coupon', couponCode: step.couponCode };
  if (step instanceof CustomerDetailsStepDto) return { step: 'customerDetails', customerDetails: { ...step.customerDetails } };
  const payment = step as PaymentConfirmationStepDto;
  return { step: 'paymentConfirmation', paymentMethod: payment.paymentMethod, ...(payment.cashConfirmed === undefined ? {} : { cashConfirmed: payment.cashConfirmed }) };
}
