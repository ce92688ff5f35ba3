import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import { type CartConfig, taxRuleOf } from '../../cart-config';
import { GROUP_ORDER_SETTINGS, type GroupOrderSettings } from '../config/group-order-config';
import { ConfirmGroupOrderHandler } from './confirm-group-order.handler';
import { ConfirmGroupOrderService } from './confirm-group-order.service';
import { GROUP_ORDER_TAX_RULE, GROUP_ORDER_TIMER_OPTIONS, type GroupOrderTimerOptions } from './group-order-timeline.tokens';
import { GroupOrderTimelineService } from './group-order-timeline.service';
import { GroupOrderTimerPoller } from './group-order-timer-poller';

/**
 * The group order's timeline: the timer poller (CLOSE, END, DELIVERY_ROUND) and the
 * restaurant's confirmation command. Imported by GroupOrdersModule, whose global providers
 * give it the CLOCK and the GROUP_ORDER_SETTINGS.
 */
@Module({})
export class GroupOrderTimelineModule {
  static register(config: CartConfig): DynamicModule {
    return {
      module: GroupOrderTimelineModule,
      // The outbox writer only: SubmitCartModule's relay publishes every row of the cart outbox.
      imports: [MessagingModule.forService({ serviceName: 'cart', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID, relay: false })],
      controllers: [ConfirmGroupOrderHandler],
      providers: [
        { provide: GROUP_ORDER_TAX_RULE, useValue: taxRuleOf(config) },
        {
          provide: GROUP_ORDER_TIMER_OPTIONS,
          inject: [GROUP_ORDER_SETTINGS],
          useFactory: (settings: GroupOrderSettings): GroupOrderTimerOptions => ({ pollMs: settings.timerPollMs }),
        },
        GroupOrderTimelineService,
        GroupOrderTimerPoller,
        ConfirmGroupOrderService,
      ],
      exports: [GroupOrderTimelineService],
    };
  }
}
