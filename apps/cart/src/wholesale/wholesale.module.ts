import { Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import { WholesaleCatalogue } from './catalogue/wholesale-catalogue';
import { carriageRuleOf, loadWholesaleConfig } from './config/wholesale-config';
import { TradeCustomerDirectory } from './customers/trade-customer-directory';
import { DemoWholesaleSeeder } from './demo-data/demo-wholesale.seeder';
import { WholesaleLifecycleHandler } from './lifecycle/wholesale-lifecycle.handler';
import { WholesaleLifecycleRepository } from './lifecycle/wholesale-lifecycle.repository';
import { WholesaleLifecycleService } from './lifecycle/wholesale-lifecycle.service';
import { GetWholesaleOrderService } from './orders/get-wholesale-order.service';
import { PlaceWholesaleOrderService } from './orders/place-wholesale-order.service';
import { CARRIAGE_RULE, UpsertWholesaleOrderService } from './orders/upsert-wholesale-order.service';
import { WholesaleOrderRepository } from './orders/wholesale-order.repository';
import { WholesaleCommandsHandler } from './wholesale-commands.handler';

/**
 * Wholesale (B2B) orders: trade customers, their catalogue and orders, and the commands the
 * gateway's `/apis/customer/orders` family sends. Placing an order publishes CartUpdated
 * through the cart's outbox (the relay is started by the cart's own messaging module); the
 * checkout events then move the order through INVOICED, PAID, SHIPPED or CANCELLED.
 */
@Module({
  imports: [MessagingModule.forService({ serviceName: 'cart', relay: false })],
  controllers: [WholesaleCommandsHandler, WholesaleLifecycleHandler],
  providers: [
    { provide: CARRIAGE_RULE, inject: [SERVICE_CONFIG], useFactory: (config: object) => carriageRuleOf(loadWholesaleConfig(config)) },
    TradeCustomerDirectory,
    WholesaleCatalogue,
    WholesaleOrderRepository,
    GetWholesaleOrderService,
    UpsertWholesaleOrderService,
    PlaceWholesaleOrderService,
    DemoWholesaleSeeder,
    WholesaleLifecycleRepository,
    WholesaleLifecycleService,
  ],
})
export class WholesaleModule {}
