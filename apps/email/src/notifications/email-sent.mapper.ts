import type { EmailSentPayload } from '@order-platform/contracts';
import type { PlannedNotification } from './notification-planner';
import type { MailReceipt } from './smtp-mailer';

/** The EmailSent payload for a delivered notification; `emailId` is the notification log row's id. */
export function emailSentPayload(notification: PlannedNotification, receipt: MailReceipt, emailId: string): EmailSentPayload {
  return {
    orderId: notification.orderId,
    emailId,
    template: notification.template,
    recipient: notification.recipient,
    messageId: receipt.messageId,
    triggeredByEventId: notification.eventId,
    sentAt: receipt.acceptedAt.toISOString(),
  };
}

