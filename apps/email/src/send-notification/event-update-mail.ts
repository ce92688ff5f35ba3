import { renderHtml, renderText, type MailBody } from '../notifications';

const HEADLINES: Record<string, string> = {
  CartUpdated: 'We received your order',
  InvoiceCreated: 'Your invoice is ready',
  InvoiceVoided: 'Your invoice was voided',
  PaymentProcessed: 'We received your payment',
  PaymentFailed: 'Your payment did not go through',
  PaymentRefunded: 'Your payment was refunded',
  OrderShipped: 'Your order is on its way',
  OrderDelivered: 'Your order was delivered',
  OrderConfirmed: 'Your order is confirmed',
  OrderRejected: 'Your order could not be accepted',
  OrderCancelled: 'Your order was cancelled',
  OrderCompleted: 'Your order is complete',
  EmailSent: 'A message about your order',
};

export const EVENT_UPDATE_TEMPLATE = 'event-update';

/** The informational mail of `email.send-notification`: a headline per event type. */
export function eventUpdateMail(event: string, name: string, orderId?: string): { subject: string; text: string; html: string } {
  const headline = HEADLINES[event] ?? 'An update on your order';
  const subject = orderId ? `${headline} (order ${orderId})` : headline;
  const body: MailBody = {
    greeting: `Hello ${name},`,
    paragraphs: [`${headline}.`],
    details: [['Event', event], ...(orderId ? [['Order', orderId] as [string, string]] : [])],
  };
  return { subject, text: renderText(body), html: renderHtml(body, subject) };
}
