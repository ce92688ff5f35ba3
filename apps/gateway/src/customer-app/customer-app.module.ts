import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommandsModule } from '../commands/commands.module';
import { OrderReadsModule } from '../order-reads/order-reads.module';
import { CustomerAppOrdersController } from './orders/customer-app-orders.controller';

/** The customer-app / restaurant-app family: `/orders`, bearer tokens from `/auth/token`. */
@Module({ imports: [CommandsModule, AuthModule, OrderReadsModule], controllers: [CustomerAppOrdersController] })
export class CustomerAppModule {}
