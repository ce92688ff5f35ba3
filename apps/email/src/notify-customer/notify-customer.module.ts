import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@order-platform/messaging';
import { OutboxRelayMetrics } from '@order-platform/service-kit';
import type { EmailConfig } from '../email-config';
import { NotificationDeliveryService } from '../notification-log/notification-delivery.service';
import { NotificationMailer } from '../notification-log/notification-mailer';
import { SendNotificationHandler } from '../send-notification/send-notification.handler';
import { SendNotificationService } from '../send-notification/send-notification.service';
import { NotifyCustomerService } from './notify-customer.service';
import { OrderEventsHandler } from './order-events.handler';

@Module({})
export class NotifyCustomerModule {
  static register(config: EmailConfig): DynamicModule {
    return {
      module: NotifyCustomerModule,
      imports: [MessagingModule.forService({ serviceName: 'email', brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID })],
      controllers: [OrderEventsHandler, SendNotificationHandler],
      providers: [NotificationMailer, NotificationDeliveryService, NotifyCustomerService, SendNotificationService, OutboxRelayMetrics],
    };
  }
}
