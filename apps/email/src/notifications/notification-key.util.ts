import { createHash } from 'node:crypto';

/** One mail per (event, template): the same event redelivered yields the same key. */
export function notificationKey(eventId: string, template: string): string {
  return `${eventId}/${template}`;
}

/**
 * A Message-ID that is a pure function of the notification key, so a resend after a lost
 * SMTP reply carries the same id and downstream systems can drop the duplicate.
 */
export function messageIdFor(key: string, domain: string): string {
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 32);
  return `<${digest}@${domain}>`;
}
