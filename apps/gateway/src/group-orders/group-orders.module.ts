import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommandBus } from '../commands/command-bus.service';
import { CommandsModule } from '../commands/commands.module';
import { CustomerFoodRushOrdersController } from './customers/customer-food-rush-orders.controller';
import { GroupOrdersController } from './group-orders/group-orders.controller';
import { FoodRushOrderAddressController } from './orders/food-rush-order-address.controller';
import { ExternalOrdersController } from './restaurants/external-orders.controller';
import { FoodRushCommands } from './shared/food-rush-commands';

/**
 * The FoodRush (group orders) family: `/groupOrders`, `/customers/{id}/…`, `/restaurants/{id}/externalOrders`
 * and `/orders/{id}/deliveryAddress`; the cart owns the rules. `POST /orders` and `GET /orders/{id}` are
 * shared with the customer app, whose controller dispatches FoodRush bodies and ids here.
 */
@Module({
  imports: [CommandsModule, AuthModule],
  controllers: [GroupOrdersController, CustomerFoodRushOrdersController, ExternalOrdersController, FoodRushOrderAddressController],
  providers: [{ provide: FoodRushCommands, inject: [CommandBus], useFactory: (commands: CommandBus) => new FoodRushCommands(commands) }],
})
export class GroupOrdersModule {}
