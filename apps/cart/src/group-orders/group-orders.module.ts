import { DynamicModule, Module } from '@nestjs/common';
import type { CartConfig } from '../cart-config';
import { GroupOrderClockModule } from './clock/group-order-clock.module';
import { GROUP_ORDER_SETTINGS, loadGroupOrderSettings } from './config/group-order-config';
import { GroupOrdersHandler } from './group-orders.handler';
import { GroupOrderPlacementService } from './placement/group-order-placement.service';
import { GroupOrderReadsService } from './reads/group-order-reads.service';
import { GroupOrderTimelineModule } from './timeline/group-order-timeline.module';

/**
 * Group orders ("FoodRush"): placement (create, join, external), reads, and the timeline
 * (timers, confirmation). The settings are parsed when the module is built, so a bad
 * GROUP_ORDER_* value stops the cart at start naming the variable; they and the Clock are
 * global for the timeline's providers too.
 */
@Module({})
export class GroupOrdersModule {
  static register(config: CartConfig): DynamicModule {
    const settings = loadGroupOrderSettings(config);
    return {
      module: GroupOrdersModule,
      global: true,
      imports: [GroupOrderClockModule.register(settings.clock), GroupOrderTimelineModule.register(config)],
      controllers: [GroupOrdersHandler],
      providers: [{ provide: GROUP_ORDER_SETTINGS, useValue: settings }, GroupOrderPlacementService, GroupOrderReadsService],
      exports: [GROUP_ORDER_SETTINGS],
    };
  }
}
