import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { SERVICE_CONFIG } from '@order-platform/service-kit';
import { AuthModule } from '../../auth/auth.module';
import { OrderReadsModule } from '../../order-reads/order-reads.module';
import { AppTrackingAccessPolicy } from './app-tracking-access.policy';
import { AccessTokenQueryMiddleware } from './access-token-query.middleware';
import { OrderEventHub } from './order-event-hub';
import { OrderTrackingController } from './order-tracking.controller';
import { OrderTrackingService } from './order-tracking.service';
import { TRACKING_ACCESS_POLICY } from './tracking-access.policy';
import { TrackingEventConsumer } from './tracking-event-consumer.service';
import type { GatewayConfig } from '../../gateway-config';
import { TRACKING_SETTINGS, type TrackingSettings } from './tracking-settings';

/** `GET /orders/{order_id}/events`: an order's status changes pushed as Server-Sent Events. */
@Module({
  imports: [AuthModule, OrderReadsModule],
  controllers: [OrderTrackingController],
  providers: [
    { provide: TRACKING_SETTINGS, inject: [SERVICE_CONFIG], useFactory: (config: GatewayConfig): TrackingSettings => config },
    { provide: TRACKING_ACCESS_POLICY, useClass: AppTrackingAccessPolicy },
    OrderEventHub,
    TrackingEventConsumer,
    OrderTrackingService,
  ],
  exports: [OrderEventHub, OrderTrackingService],
})
export class OrderTrackingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AccessTokenQueryMiddleware).forRoutes({ path: 'orders/:order_id/events', method: RequestMethod.GET });
  }
}
