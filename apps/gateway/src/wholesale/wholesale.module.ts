import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { TradeApiKeyGuard } from './auth/trade-api-key.guard';
import { WholesaleOrdersController } from './orders/wholesale-orders.controller';

/** The wholesale (B2B) API family: `/apis/customer/orders`, Bearer API keys, 422 validation errors. */
@Module({ imports: [CommandsModule], controllers: [WholesaleOrdersController], providers: [TradeApiKeyGuard] })
export class WholesaleModule {}
