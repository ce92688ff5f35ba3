import { Body, Controller, Headers, Param, Post, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { GroupMemberOrderView } from '@order-platform/contracts';
import { AppAuthGuard, CurrentApp } from '../../auth/app-auth.guard';
import type { AppIdentity } from '../../auth/app-identity';
import { CustomerAppExceptionFilter } from '../../customer-app/customer-app-exception.filter';
import { FoodRushApiErrors } from '../shared/food-rush-api-errors.decorator';
import { FoodRushCommands } from '../shared/food-rush-commands';
import { ApiIdempotencyKeyHeader, idempotencyKeyOf } from '../shared/idempotency-key';
import { ExternalOrderRequestBody } from '../views/food-rush-request.body';
import { FoodRushOrderBody } from '../views/group-order.body';

/** A restaurant places an order it took in its own channel; it opens a group order others can join. */
@ApiTags('group-orders')
@ApiBearerAuth()
@UseFilters(CustomerAppExceptionFilter)
@UseGuards(AppAuthGuard)
@Controller('restaurants')
export class ExternalOrdersController {
  constructor(private readonly foodRush: FoodRushCommands) {}

  @Post(':restaurant_id/externalOrders')
  @ApiOperation({
    summary: 'Create an external order (RESTAURANT_APP of that restaurant)',
    description:
      'Starts a group order for the restaurant lasting GROUP_ORDER_EXTERNAL_FOODRUSH_MINUTES; the customer is the ' +
      "body's (no account) and pays the restaurant (cash terms).",
  })
  @ApiParam({ name: 'restaurant_id', example: '6' })
  @ApiBody({ type: ExternalOrderRequestBody })
  @ApiIdempotencyKeyHeader('external order')
  @ApiCreatedResponse({ type: FoodRushOrderBody })
  @FoodRushApiErrors(
    'invalidRequest',
    'commentTooLong',
    'missingProductFormats',
    'missingDeliveryAddress',
    'wrongAuthenticatedUser',
    'missingCustomerInformation',
    'restaurantNotFound',
    'unexistingProductFormats',
    'noProductFormats',
    'productFormatsFromDifferentRestaurants',
    'restaurantNotLocated',
    'restaurantClosed',
    'restaurantClosingSoon',
    'restaurantDeliveryCapacityExceeded',
    'minimumGroupOrderPriceNotReached',
    'groupOrderAlreadyExisting',
    'invalidIdempotencyKey',
    'idempotencyKeyReused',
  )
  create(
    @Param('restaurant_id') restaurantId: string,
    @Body() body: unknown,
    @CurrentApp() app: AppIdentity,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<GroupMemberOrderView> {
    return this.foodRush.createExternalOrder(app, restaurantId, body, idempotencyKeyOf(idempotencyKey));
  }
}
