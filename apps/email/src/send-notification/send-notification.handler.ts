import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type CommandReply,
  CommandErrorCodes,
  Commands,
  replyError,
  replyOk,
  SendNotificationRequest,
  type SendNotificationResponse,
  validateCommand,
} from '@order-platform/contracts';
import { currentCorrelationId } from '@order-platform/messaging';
import { MetricsService } from '@order-platform/service-kit';
import { randomUUID } from 'node:crypto';
import { MailDeliveryError } from '../notifications';
import { SendNotificationService } from './send-notification.service';

@Controller()
export class SendNotificationHandler {
  private readonly logger = new Logger(SendNotificationHandler.name);

  constructor(
    private readonly service: SendNotificationService,
    private readonly metrics: MetricsService,
  ) {}

  /** Always replies (never throws): the gateway is waiting. */
  @MessagePattern(Commands.Email.SendNotification)
  async sendNotification(@Payload() command: unknown): Promise<CommandReply<SendNotificationResponse>> {
    const validated = validateCommand(SendNotificationRequest, command);
    if (!validated.ok) return validated.reply;
    const request = validated.value;
    try {
      const { row, delivery } = await this.service.send(request, currentCorrelationId() ?? request.correlationId ?? randomUUID());
      if (delivery === 'failed') {
        return replyError(CommandErrorCodes.Unprocessable, `the mail to ${request.email} was refused: ${row.lastError ?? 'rejected by the relay'}`);
      }
      if (delivery === 'sent') this.metrics.counter('notifications_sent_total', 'Notification mails accepted by the SMTP relay', ['source']).inc({ source: 'command' });
      return replyOk({ status: 'OK', notificationId: row.id });
    } catch (error) {
      if (error instanceof MailDeliveryError) {
        // Transient: the row stays pending; the same idempotency key sends it on the next call.
        this.logger.warn({ error: error.message }, 'send-notification: mail relay unavailable');
        return replyError(CommandErrorCodes.Unavailable, 'the mail relay is unavailable, please retry');
      }
      this.logger.error({ err: error }, 'send-notification failed');
      return replyError(CommandErrorCodes.Unavailable, 'the notification could not be sent, please retry');
    }
  }
}
