import { assertSchemaName } from '@order-platform/persistence';
import type { EntityManager } from 'typeorm';
import type { OrderContact } from '../notifications';

/** 'awaiting_contact': planned before the order's address was known; becomes 'pending' (or 'skipped') once it is. */
export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'skipped' | 'awaiting_contact';

/** A row of the notification log. */
export interface NotificationRow {
  id: string;
  key: string;
  template: string;
  eventId: string;
  eventType: string;
  orderId: string | null;
  correlationId: string;
  recipient: string | null;
  subject: string | null;
  text: string | null;
  html: string | null;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  sentAt: Date | null;
}

export type NewNotification = Omit<NotificationRow, 'attempts' | 'lastError' | 'messageId' | 'sentAt'>;

/** A waiting row and the event (as received) to plan it from once the contact is known. */
export interface AwaitingNotification {
  id: string;
  key: string;
  template: string;
  plannedFrom: unknown;
}

/** What a re-plan gives a waiting row: content to send, or why nothing will be sent. */
export type ReleasedNotification = { recipient: string; subject: string; text: string; html: string } | { skip: string };

const COLUMNS = `id, notification_key AS "key", template, event_id AS "eventId", event_type AS "eventType", order_id AS "orderId",
  correlation_id AS "correlationId", recipient, subject, text_body AS "text", html_body AS "html", status, attempts,
  last_error AS "lastError", message_id AS "messageId", sent_at AS "sentAt"`;

const ERROR_LIMIT = 2000;

/** SQL of the notification log and the contact projection; calls run in the caller's transaction. */
export class NotificationLogStore {
  private readonly s: string;

  constructor(schema: string) {
    this.s = `"${assertSchemaName(schema)}"`;
  }

  /**
   * Serialises, per order, recording its contact and logging its waiting mails, so a mail
   * planned without a contact cannot miss the contact committed by another consumer meanwhile.
   */
  async lockOrder(manager: EntityManager, orderId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))`, [`${this.s}.order_contacts`, orderId]);
  }

  /** Merges what an event knows about the order's contact; known values are never blanked. */
  async saveContact(manager: EntityManager, orderId: string, contact: { email?: string; name?: string; phone?: string }): Promise<void> {
    if (!contact.email && !contact.name && !contact.phone) return;
    await manager.query(
      `INSERT INTO ${this.s}.order_contacts (order_id, email, name, phone) VALUES ($1, $2, $3, $4)
       ON CONFLICT (order_id) DO UPDATE SET email = COALESCE(EXCLUDED.email, order_contacts.email),
         name = COALESCE(EXCLUDED.name, order_contacts.name), phone = COALESCE(EXCLUDED.phone, order_contacts.phone), updated_at = now()`,
      [orderId, contact.email ?? null, contact.name ?? null, contact.phone ?? null],
    );
  }

  async findContact(manager: EntityManager, orderId: string): Promise<OrderContact | null> {
    const rows: Array<{ email: string | null; name: string | null }> = await manager.query(
      `SELECT email, name FROM ${this.s}.order_contacts WHERE order_id = $1`,
      [orderId],
    );
    const email = rows[0]?.email;
    if (!email) return null;
    return rows[0].name ? { email, name: rows[0].name } : { email };
  }

  /**
   * Inserts unless the key is already logged; returns whether this call inserted it.
   * `plannedFrom` (the event) is kept for rows 'awaiting_contact', to plan them again later.
   */
  async insert(manager: EntityManager, row: NewNotification, extras: { lastError?: string; plannedFrom?: unknown } = {}): Promise<boolean> {
    const plannedFrom = extras.plannedFrom === undefined ? null : JSON.stringify(extras.plannedFrom);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ${this.s}.notifications
         (id, notification_key, template, event_id, event_type, order_id, correlation_id, recipient, subject, text_body, html_body, status, last_error, planned_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (notification_key) DO NOTHING RETURNING id`,
      [row.id, row.key, row.template, row.eventId, row.eventType, row.orderId, row.correlationId, row.recipient, row.subject, row.text, row.html, row.status, extras.lastError ?? null, plannedFrom],
    );
    return inserted.length === 1;
  }

  /** The order's waiting rows, locked until the caller's transaction ends. */
  async lockAwaitingOfOrder(manager: EntityManager, orderId: string): Promise<AwaitingNotification[]> {
    return manager.query(
      `SELECT id, notification_key AS "key", template, planned_from AS "plannedFrom" FROM ${this.s}.notifications
        WHERE order_id = $1 AND status = 'awaiting_contact' ORDER BY created_at, template FOR UPDATE`,
      [orderId],
    );
  }

  /** A waiting row becomes 'pending' with its content, or 'skipped' with the reason. */
  async release(manager: EntityManager, id: string, outcome: ReleasedNotification): Promise<void> {
    if ('skip' in outcome) {
      await manager.query(
        `UPDATE ${this.s}.notifications SET status = 'skipped', last_error = $2, updated_at = now() WHERE id = $1 AND status = 'awaiting_contact'`,
        [id, outcome.skip.slice(0, ERROR_LIMIT)],
      );
      return;
    }
    await manager.query(
      `UPDATE ${this.s}.notifications SET status = 'pending', recipient = $2, subject = $3, text_body = $4, html_body = $5, last_error = NULL, updated_at = now()
        WHERE id = $1 AND status = 'awaiting_contact'`,
      [id, outcome.recipient, outcome.subject, outcome.text, outcome.html],
    );
  }

  async findByKey(manager: EntityManager, key: string): Promise<NotificationRow | undefined> {
    const rows: NotificationRow[] = await manager.query(`SELECT ${COLUMNS} FROM ${this.s}.notifications WHERE notification_key = $1`, [key]);
    return rows[0];
  }

  async pendingIdsOfEvent(manager: EntityManager, eventId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM ${this.s}.notifications WHERE event_id = $1 AND status = 'pending' ORDER BY created_at, template`,
      [eventId],
    );
    return rows.map((row) => row.id);
  }

  async pendingIdsOfOrder(manager: EntityManager, orderId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM ${this.s}.notifications WHERE order_id = $1 AND status = 'pending' ORDER BY created_at, template`,
      [orderId],
    );
    return rows.map((row) => row.id);
  }

  /** Locks a pending row for sending; undefined when it is not pending or another sender holds it. */
  async lockPending(manager: EntityManager, id: string): Promise<NotificationRow | undefined> {
    const rows: NotificationRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM ${this.s}.notifications WHERE id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED`,
      [id],
    );
    return rows[0];
  }

  async markSent(manager: EntityManager, id: string, messageId: string, sentAt: Date): Promise<void> {
    await manager.query(
      `UPDATE ${this.s}.notifications SET status = 'sent', attempts = attempts + 1, message_id = $2, sent_at = $3, last_error = NULL, updated_at = now()
        WHERE id = $1`,
      [id, messageId, sentAt],
    );
  }

  /** A failed attempt: 'failed' ends it (permanent), 'pending' leaves it for the retry. */
  async recordFailure(manager: EntityManager, id: string, status: 'pending' | 'failed', error: string): Promise<void> {
    await manager.query(
      `UPDATE ${this.s}.notifications SET status = $2, attempts = attempts + 1, last_error = $3, updated_at = now() WHERE id = $1`,
      [id, status, error.slice(0, ERROR_LIMIT)],
    );
  }
}
