import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CommandsModule } from '../commands/commands.module';
import { CustomerAppOrdersController } from './orders/customer-app-orders.controller';

/** The customer-app / restaurant-app family: `/orders`, bearer tokens from `/auth/token`. */
@Module({ imports: [CommandsModule, AuthModule], controllers: [CustomerAppOrdersController] })
export class CustomerAppModule {}
