import { Controller, Get, Param, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { GroupOrderDeliveryAddressView } from '@order-platform/contracts';
import { AppAuthGuard, CurrentApp } from '../../auth/app-auth.guard';
import type { AppIdentity } from '../../auth/app-identity';
import { CustomerAppExceptionFilter } from '../../customer-app/customer-app-exception.filter';
import { FoodRushApiErrors } from '../shared/food-rush-api-errors.decorator';
import { FoodRushCommands } from '../shared/food-rush-commands';
import { DeliveryAddressBody } from '../views/group-order.body';

/**
 * `GET /orders/{id}/deliveryAddress` of a FoodRush order. `GET /orders/{id}` itself is the
 * customer-app controller's, which hands digits-only ids to FoodRushCommands.getOrder.
 */
@ApiTags('group-orders')
@ApiBearerAuth()
@UseFilters(CustomerAppExceptionFilter)
@UseGuards(AppAuthGuard)
@Controller('orders')
export class FoodRushOrderAddressController {
  constructor(private readonly foodRush: FoodRushCommands) {}

  @Get(':order_id/deliveryAddress')
  @ApiOperation({ summary: "A FoodRush order's delivery address (the order's customer or its restaurant)" })
  @ApiParam({ name: 'order_id', example: '8', description: 'A FoodRush order id (digits)' })
  @ApiOkResponse({
    type: DeliveryAddressBody,
    example: { street: 'Allée des techniques avancées', details: 'Bâtiment A, chambre 200', city: 'Palaiseau', postcode: 91120, state: 'Essone', country: 'France', latitude: 48.711, longitude: 2.21928 },
  })
  @FoodRushApiErrors('wrongAuthenticatedUser', 'orderNotFound')
  deliveryAddress(@Param('order_id') orderId: string, @CurrentApp() app: AppIdentity): Promise<GroupOrderDeliveryAddressView | Record<string, never>> {
    return this.foodRush.getDeliveryAddress(app, orderId);
  }
}
