import type { ReceivedMail } from '@order-platform/testing';

// The checkout mails name their order in the subject ("... order 456 ..."), and carry the
// notification key (`<event id>/<template>`) that makes each mail unique.

export function mailsForOrder(messages: readonly ReceivedMail[], orderId: string): ReceivedMail[] {
  const pattern = new RegExp(`\\border ${escapeRegExp(orderId)}\\b`);
  return messages.filter((mail) => pattern.test(mail.subject));
}

export function notificationKey(mail: ReceivedMail): string {
  return mail.headers['x-notification-key'] ?? '';
}

/** The template part of each mail's notification key, sorted: e.g. ['invoice-created', 'order-shipped', 'payment-received']. */
export function templatesOf(mails: readonly ReceivedMail[]): string[] {
  return mails.map((mail) => notificationKey(mail).split('/').pop() ?? '').sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
