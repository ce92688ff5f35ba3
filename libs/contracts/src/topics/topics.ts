/** Kafka topic names. A topic is named after the event it carries. */
export const Topics = {
  CartUpdated: 'CartUpdated',
  InvoiceCreated: 'InvoiceCreated',
  InvoiceVoided: 'InvoiceVoided',
  PaymentProcessed: 'PaymentProcessed',
  PaymentFailed: 'PaymentFailed',
  PaymentRefunded: 'PaymentRefunded',
  OrderShipped: 'OrderShipped',
  OrderDelivered: 'OrderDelivered',
  EmailSent: 'EmailSent',
  OrderConfirmed: 'OrderConfirmed',
  OrderRejected: 'OrderRejected',
  OrderCancelled: 'OrderCancelled',
  OrderCompleted: 'OrderCompleted',
  OrderPaid: 'OrderPaid',
  GroupOrderClosed: 'GroupOrderClosed',
  GroupOrderConfirmed: 'GroupOrderConfirmed',
  GroupOrderCancelled: 'GroupOrderCancelled',
  DeliveryRoundStarted: 'DeliveryRoundStarted',
} as const;

export type EventType = (typeof Topics)[keyof typeof Topics];

export const DLQ_SUFFIX = '.dlq';

/** The dead-letter topic of a topic: `<topic>.dlq`. */
export function dlqTopic(topic: string): string {
  return `${topic}${DLQ_SUFFIX}`;
}

/** The original topic of a dead-letter topic, or undefined when it is not one. */
export function topicOfDlq(dlq: string): string | undefined {
  return dlq.endsWith(DLQ_SUFFIX) ? dlq.slice(0, -DLQ_SUFFIX.length) : undefined;
}
