import type { MailBody } from './mail-body';
import { asClause, formatAmount, formatDate } from './mail-format.util';
import type { NotificationContext } from './notification-context';
import { notify, type NotificationDeclaration } from './notification-definition';

// The mails of the checkout flow, one declaration per event. Adding a mail = adding one here.

const toOrderContact = (_event: unknown, context: NotificationContext) => context.contact?.email;
const greeting = (context: NotificationContext) => (context.contact?.name ? `Hello ${context.contact.name},` : 'Hello,');

export const invoiceCreated = notify('invoice-created')
  .on('InvoiceCreated')
  .to(toOrderContact)
  .subject(({ payload }) => `Invoice ${payload.invoiceNumber} for order ${payload.orderId}`)
  .body(({ payload }, context): MailBody => ({
    greeting: greeting(context),
    paragraphs: [`Thank you for your order ${payload.orderId}. Here is your invoice ${payload.invoiceNumber}.`],
    details: [
      ...payload.lines.map((line): [string, string] => [
        `${line.quantity} x ${line.description}`,
        formatAmount(line.totalMinor, payload.currency),
      ]),
      ['Subtotal', formatAmount(payload.subtotalMinor, payload.currency)],
      ['Tax', formatAmount(payload.taxMinor, payload.currency)],
      ['Total', formatAmount(payload.totalMinor, payload.currency)],
      ['Invoice date', formatDate(payload.issuedAt)],
      ...(payload.dueAt ? [['Due', formatDate(payload.dueAt)] as [string, string]] : []),
    ],
  }));

export const paymentReceived = notify('payment-received')
  .on('PaymentProcessed')
  .to(toOrderContact)
  .subject(({ payload }) => `Payment received for order ${payload.orderId}`)
  .body(({ payload }, context): MailBody => ({
    greeting: greeting(context),
    paragraphs: [
      `We received your payment of ${formatAmount(payload.amountMinor, payload.currency)} for order ${payload.orderId}.`,
      'We will let you know as soon as it ships.',
    ],
    details: [
      ['Order', payload.orderId],
      ['Amount', formatAmount(payload.amountMinor, payload.currency)],
      ['Payment method', payload.method],
      ['Payment reference', payload.paymentId],
      ['Paid on', formatDate(payload.processedAt)],
    ],
  }));

export const paymentFailed = notify('payment-failed')
  .on('PaymentFailed')
  .to(toOrderContact)
  .subject(({ payload }) =>
    payload.retryable ? `Payment for order ${payload.orderId} did not go through` : `Payment for order ${payload.orderId} failed`,
  )
  .body(({ payload }, context): MailBody => ({
    greeting: greeting(context),
    paragraphs: [
      `We could not take your payment of ${formatAmount(payload.amountMinor, payload.currency)} for order ${payload.orderId} because ${asClause(payload.reason)}.`,
      payload.retryable
        ? 'Your order is still open: you can try again with another payment method.'
        : 'No money was taken. We will write again once the order has been closed.',
    ],
    details: [
      ['Order', payload.orderId],
      ['Amount', formatAmount(payload.amountMinor, payload.currency)],
    ],
  }));

export const orderShipped = notify('order-shipped')
  .on('OrderShipped')
  .to(toOrderContact)
  .subject(({ payload }) => `Your order ${payload.orderId} is on its way`)
  .body(({ payload }, context): MailBody => ({
    greeting: greeting(context),
    paragraphs: [`Your order ${payload.orderId} left us on ${formatDate(payload.shippedAt)} with ${payload.carrier}.`],
    details: [
      ['Order', payload.orderId],
      ['Carrier', payload.carrier],
      ['Tracking number', payload.trackingNumber],
      ...(payload.estimatedDeliveryAt ? [['Expected delivery', formatDate(payload.estimatedDeliveryAt)] as [string, string]] : []),
    ],
  }));

export const orderCancelled = notify('order-cancelled')
  .on('OrderCancelled')
  .to(toOrderContact)
  .subject(({ payload }) => `Your order ${payload.orderId} was cancelled`)
  .body(({ payload }, context): MailBody => ({
    greeting: greeting(context),
    paragraphs: [
      `Your order ${payload.orderId} was cancelled because ${asClause(payload.reason)}.`,
      payload.refundRequired
        ? 'Any payment you made will be refunded to the original payment method.'
        : 'You have not been charged for this order.',
    ],
    details: [
      ['Order', payload.orderId],
      ['Cancelled on', formatDate(payload.cancelledAt)],
    ],
  }));

export const CHECKOUT_NOTIFICATIONS: readonly NotificationDeclaration[] = [
  invoiceCreated,
  paymentReceived,
  paymentFailed,
  orderShipped,
  orderCancelled,
];
