import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createEvent, type EventType, Topics } from '@order-platform/contracts';
import { OutboxWriter } from '@order-platform/messaging';
import type { DataSource, EntityManager } from 'typeorm';
import { emailSentPayload, MailDeliveryError, toMailDeliveryError } from '../notifications';
import { NotificationLogStore, type NotificationRow } from './notification-log.store';
import { NotificationMailer } from './notification-mailer';

export type DeliveryOutcome = 'sent' | 'failed' | 'not-pending';

/**
 * Sends one logged notification and marks it sent, with EmailSent in the same commit.
 *
 * Exactly-once effect, at-least-once edge: the row is locked while the SMTP relay is talking;
 * if the process dies after the relay accepted the mail but before the commit, the row is
 * still 'pending' and the redelivered event sends it again with the same Message-ID and
 * X-Notification-Key, which downstream systems can use to drop the duplicate.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger(NotificationDeliveryService.name);
  readonly store: NotificationLogStore;

  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly mailer: NotificationMailer,
  ) {
    this.store = new NotificationLogStore(String((dataSource.options as { schema?: string }).schema));
  }

  /** Sends every pending notification of an event; throws a transient MailDeliveryError to be retried. */
  async deliverPendingOfEvent(eventId: string): Promise<DeliveryOutcome[]> {
    return this.deliverAll(await this.store.pendingIdsOfEvent(this.dataSource.manager, eventId));
  }

  /** Sends every pending notification of an order, including those that waited for its contact. */
  async deliverPendingOfOrder(orderId: string): Promise<DeliveryOutcome[]> {
    return this.deliverAll(await this.store.pendingIdsOfOrder(this.dataSource.manager, orderId));
  }

  private async deliverAll(ids: string[]): Promise<DeliveryOutcome[]> {
    const outcomes: DeliveryOutcome[] = [];
    for (const id of ids) outcomes.push(await this.deliver(id));
    return outcomes;
  }

  /** Permanent failures are recorded and returned as 'failed'; transient ones are recorded and thrown. */
  async deliver(id: string): Promise<DeliveryOutcome> {
    let transient: MailDeliveryError | undefined;
    const outcome = await this.dataSource.transaction(async (manager): Promise<DeliveryOutcome> => {
      const row = await this.store.lockPending(manager, id);
      if (!row) return 'not-pending';
      try {
        await this.sendAndMark(manager, row);
        return 'sent';
      } catch (caught) {
        const error = toMailDeliveryError(caught);
        this.logger.warn({ notificationKey: row.key, kind: error.kind, error: error.message }, 'notification mail not delivered');
        await this.store.recordFailure(manager, id, error.kind === 'permanent' ? 'failed' : 'pending', error.message);
        if (error.kind === 'permanent') return 'failed';
        transient = error;
        return 'not-pending';
      }
    });
    // Thrown after the commit, so the attempt count and error stay in the log.
    if (transient) throw transient;
    return outcome;
  }

  private async sendAndMark(manager: EntityManager, row: NotificationRow): Promise<void> {
    if (!row.recipient || row.subject === null || row.text === null || row.html === null) {
      throw new MailDeliveryError(`notification ${row.key} has no content to send`, 'permanent');
    }
    const mail = { key: row.key, recipient: row.recipient, subject: row.subject, text: row.text, html: row.html, correlationId: row.correlationId };
    const receipt = await this.mailer.send(mail);
    await this.store.markSent(manager, row.id, receipt.messageId, receipt.acceptedAt);
    if (!row.orderId) return; // EmailSent is an order event: a mail about no order has none.
    const payload = emailSentPayload({ ...mail, orderId: row.orderId, template: row.template, eventId: row.eventId, eventType: row.eventType as EventType }, receipt, row.id);
    await this.outbox.append(manager, createEvent(Topics.EmailSent, payload, { correlationId: row.correlationId }));
  }
}
