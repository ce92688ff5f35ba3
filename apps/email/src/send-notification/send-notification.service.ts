import { Injectable } from '@nestjs/common';
import type { SendNotificationRequest } from '@order-platform/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { type DeliveryOutcome, NotificationDeliveryService } from '../notification-log/notification-delivery.service';
import type { NotificationRow } from '../notification-log/notification-log.store';
import { notificationKey } from '../notifications';
import { EVENT_UPDATE_TEMPLATE, eventUpdateMail } from './event-update-mail';

/** A UUID fixed by the idempotency key, so a repeated request lands on the same log row. */
export function requestIdFor(idempotencyKey: string): string {
  const hex = createHash('sha256').update(`email.send-notification:${idempotencyKey}`).digest('hex');
  // Shaped as a name-based (version 5 style) UUID.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type SendOutcome = { row: NotificationRow; delivery: DeliveryOutcome | 'already-sent' };

/** Logs the informational mail (once per idempotency key) and sends it through the same delivery path as events. */
@Injectable()
export class SendNotificationService {
  constructor(private readonly delivery: NotificationDeliveryService) {}

  async send(request: SendNotificationRequest, correlationId: string): Promise<SendOutcome> {
    const store = this.delivery.store;
    const manager = this.delivery.dataSource.manager;
    const requestId = request.idempotencyKey ? requestIdFor(request.idempotencyKey) : randomUUID();
    const key = notificationKey(requestId, EVENT_UPDATE_TEMPLATE);
    const mail = eventUpdateMail(request.event, request.name, request.orderId);
    await store.insert(manager, {
      id: randomUUID(),
      key,
      template: EVENT_UPDATE_TEMPLATE,
      eventId: requestId,
      eventType: request.event,
      orderId: request.orderId ?? null,
      correlationId,
      recipient: request.email,
      ...mail,
      status: 'pending',
    });
    const logged = await store.findByKey(manager, key);
    if (!logged) throw new Error(`notification ${key} vanished from the log`);
    if (logged.status !== 'pending') return { row: logged, delivery: logged.status === 'sent' ? 'already-sent' : 'failed' };
    const delivery = await this.delivery.deliver(logged.id);
    return { row: logged, delivery };
  }
}
