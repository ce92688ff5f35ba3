import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { GroupMemberOrderView, GroupOrderView } from '@order-platform/contracts';
import { AppAuthGuard, CurrentApp } from '../../auth/app-auth.guard';
import type { AppIdentity } from '../../auth/app-identity';
import { CustomerAppExceptionFilter } from '../../customer-app/customer-app-exception.filter';
import { FoodRushApiErrors } from '../shared/food-rush-api-errors.decorator';
import { FoodRushCommands } from '../shared/food-rush-commands';
import { ApiIdempotencyKeyHeader, idempotencyKeyOf } from '../shared/idempotency-key';
import { ApiIncludeQuery } from '../shared/include-query.decorator';
import { parseIncludeList } from '../shared/include-list';
import { JoinGroupOrderRequestBody } from '../views/food-rush-request.body';
import { FoodRushOrderBody, GroupOrderBody } from '../views/group-order.body';
import { parseGroupOrdersQuery } from './group-orders-query';

/** Group orders: find them, read one, join one (customers), confirm one (its restaurant). */
@ApiTags('group-orders')
@ApiBearerAuth()
@UseFilters(CustomerAppExceptionFilter)
@UseGuards(AppAuthGuard)
@Controller('groupOrders')
export class GroupOrdersController {
  constructor(private readonly foodRush: FoodRushCommands) {}

  @Get()
  @ApiOperation({
    summary: 'List group orders, newest first',
    description:
      '`joinable=1` keeps those that can be joined now; `around=1` keeps those whose restaurant is within ' +
      'GROUP_ORDER_AROUND_DISTANCE_KM of the point and needs `latitude` and `longitude`.',
  })
  @ApiQuery({ name: 'joinable', required: false, enum: ['1', '0'] })
  @ApiQuery({ name: 'around', required: false, enum: ['1', '0'] })
  @ApiQuery({ name: 'latitude', required: false, type: Number, example: 48.711 })
  @ApiQuery({ name: 'longitude', required: false, type: Number, example: 2.21928 })
  @ApiIncludeQuery(['restaurant'])
  @ApiOkResponse({ type: [GroupOrderBody] })
  @FoodRushApiErrors('missingCoordinates', 'invalidCoordinate')
  list(@Query() query: Record<string, unknown>): Promise<GroupOrderView[]> {
    return this.foodRush.listGroupOrders(parseGroupOrdersQuery(query));
  }

  @Get(':group_order_id')
  @ApiOperation({ summary: 'One group order' })
  @ApiParam({ name: 'group_order_id', example: '20' })
  @ApiIncludeQuery(['restaurant'])
  @ApiOkResponse({ type: GroupOrderBody })
  @FoodRushApiErrors('groupOrderNotFound')
  get(@Param('group_order_id') groupOrderId: string, @Query('include') include: unknown): Promise<GroupOrderView> {
    return this.foodRush.getGroupOrder(groupOrderId, parseIncludeList(include));
  }

  @Post(':group_order_id/orders')
  @ApiOperation({
    summary: 'Join a group order (CUSTOMER_APP)',
    description:
      "Every member's discountedPrice is recomputed; the delivery address must be within " +
      "GROUP_ORDER_JOINABLE_DISTANCE_KM of the group's first address.",
  })
  @ApiParam({ name: 'group_order_id', example: '20' })
  @ApiBody({ type: JoinGroupOrderRequestBody })
  @ApiIdempotencyKeyHeader('member order')
  @ApiCreatedResponse({ type: FoodRushOrderBody })
  @FoodRushApiErrors(
    'invalidRequest',
    'commentTooLong',
    'missingProductFormats',
    'missingDeliveryAddress',
    'wrongAuthenticatedUser',
    'userShouldBeActivated',
    'missingCustomerInformation',
    'groupOrderNotFound',
    'unexistingProductFormats',
    'noProductFormats',
    'productFormatsFromDifferentRestaurants',
    'deliveryDistanceTooLong',
    'restaurantDeliveryCapacityExceeded',
    'minimumGroupOrderPriceNotReached',
    'groupOrderCannotBeJoined',
    'invalidIdempotencyKey',
    'idempotencyKeyReused',
  )
  join(
    @Param('group_order_id') groupOrderId: string,
    @Body() body: unknown,
    @CurrentApp() app: AppIdentity,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<GroupMemberOrderView> {
    return this.foodRush.joinGroupOrder(app, groupOrderId, body, idempotencyKeyOf(idempotencyKey));
  }

  @Post(':group_order_id/confirmation')
  @HttpCode(200)
  @ApiOperation({
    summary: "The restaurant confirms a closed group order (RESTAURANT_APP of the group's restaurant)",
    description: 'Allowed between closedAt and endingAt; the delivery round starts at preparedAt. Confirming again answers the group again.',
  })
  @ApiParam({ name: 'group_order_id', example: '20' })
  @ApiOkResponse({ type: GroupOrderBody })
  @FoodRushApiErrors('wrongAuthenticatedUser', 'groupOrderNotFound', 'groupOrderCannotBeConfirmed')
  confirm(@Param('group_order_id') groupOrderId: string, @CurrentApp() app: AppIdentity): Promise<GroupOrderView> {
    return this.foodRush.confirmGroupOrder(app, groupOrderId);
  }
}
