import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { StoreAccessGuard } from './auth/store-access.guard';
import { StoreOrdersController } from './orders/store-orders.controller';
import { storeApiSettingsProvider } from './store-api-settings';

/** The store / POS API family: `/api/store/orders/*`, `Authorization: token …`, Order Status API errors. */
@Module({ imports: [CommandsModule], controllers: [StoreOrdersController], providers: [storeApiSettingsProvider, StoreAccessGuard] })
export class StoreModule {}
