import { Controller, Get, Param, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { GroupMemberOrderView } from '@order-platform/contracts';
import { AppAuthGuard, CurrentApp } from '../../auth/app-auth.guard';
import type { AppIdentity } from '../../auth/app-identity';
import { CustomerAppExceptionFilter } from '../../customer-app/customer-app-exception.filter';
import { FoodRushApiErrors } from '../shared/food-rush-api-errors.decorator';
import { FoodRushCommands } from '../shared/food-rush-commands';
import { ApiIncludeQuery } from '../shared/include-query.decorator';
import { parseIncludeList } from '../shared/include-list';
import { FoodRushOrderBody } from '../views/group-order.body';

const ORDER_INCLUDES = ['customer', 'groupOrder', 'restaurant', 'deliveryAddress', 'productFormats'];

/** A customer's own FoodRush orders (only that customer may list them). */
@ApiTags('group-orders')
@ApiBearerAuth()
@UseFilters(CustomerAppExceptionFilter)
@UseGuards(AppAuthGuard)
@Controller('customers')
export class CustomerFoodRushOrdersController {
  constructor(private readonly foodRush: FoodRushCommands) {}

  @Get(':customer_id/orders')
  @ApiOperation({ summary: "The customer's FoodRush orders, newest first (that customer only)" })
  @ApiParam({ name: 'customer_id', example: '5' })
  @ApiIncludeQuery(ORDER_INCLUDES)
  @ApiOkResponse({ type: [FoodRushOrderBody] })
  @FoodRushApiErrors('wrongAuthenticatedUser')
  list(@Param('customer_id') customerId: string, @Query('include') include: unknown, @CurrentApp() app: AppIdentity): Promise<GroupMemberOrderView[]> {
    return this.foodRush.listCustomerOrders(app, customerId, parseIncludeList(include));
  }

  @Get(':customer_id/groupOrders/:group_order_id/orders')
  @ApiOperation({ summary: "The customer's orders in one group order (that customer only)" })
  @ApiParam({ name: 'customer_id', example: '5' })
  @ApiParam({ name: 'group_order_id', example: '20' })
  @ApiIncludeQuery(ORDER_INCLUDES)
  @ApiOkResponse({ type: [FoodRushOrderBody] })
  @FoodRushApiErrors('wrongAuthenticatedUser', 'groupOrderNotFound')
  listInGroup(
    @Param('customer_id') customerId: string,
    @Param('group_order_id') groupOrderId: string,
    @Query('include') include: unknown,
    @CurrentApp() app: AppIdentity,
  ): Promise<GroupMemberOrderView[]> {
    return this.foodRush.listCustomerOrders(app, customerId, parseIncludeList(include), groupOrderId);
  }
}
