import { CartUpdatedPayload } from '../events/cart-updated.event';
import { EmailSentPayload } from '../events/email-sent.event';
import { DeliveryRoundStartedPayload, GroupOrderCancelledPayload, GroupOrderClosedPayload, GroupOrderConfirmedPayload } from '../events/group-order.events';
import { InvoiceCreatedPayload } from '../events/invoice-created.event';
import { InvoiceVoidedPayload } from '../events/invoice-voided.event';
import { OrderDeliveredPayload } from '../events/order-delivered.event';
import {
  OrderCancelledPayload,
  OrderCompletedPayload,
  OrderConfirmedPayload,
  OrderPaidPayload,
  OrderRejectedPayload,
} from '../events/order-lifecycle.events';
import { OrderShippedPayload } from '../events/order-shipped.event';
import { PaymentFailedPayload } from '../events/payment-failed.event';
import { PaymentProcessedPayload } from '../events/payment-processed.event';
import { PaymentRefundedPayload } from '../events/payment-refunded.event';
import { EventEnvelope } from '../envelope/event-envelope';
import { EventType, Topics } from '../topics/topics';

/** Payload type of each event type. */
export interface EventPayloads {
  CartUpdated: CartUpdatedPayload;
  InvoiceCreated: InvoiceCreatedPayload;
  InvoiceVoided: InvoiceVoidedPayload;
  PaymentProcessed: PaymentProcessedPayload;
  PaymentFailed: PaymentFailedPayload;
  PaymentRefunded: PaymentRefundedPayload;
  OrderShipped: OrderShippedPayload;
  OrderDelivered: OrderDeliveredPayload;
  EmailSent: EmailSentPayload;
  OrderConfirmed: OrderConfirmedPayload;
  OrderRejected: OrderRejectedPayload;
  OrderCancelled: OrderCancelledPayload;
  OrderCompleted: OrderCompletedPayload;
  OrderPaid: OrderPaidPayload;
  GroupOrderClosed: GroupOrderClosedPayload;
  GroupOrderConfirmed: GroupOrderConfirmedPayload;
  GroupOrderCancelled: GroupOrderCancelledPayload;
  DeliveryRoundStarted: DeliveryRoundStartedPayload;
}

/** A validated event of one type. */
export type TypedEvent<T extends EventType = EventType> = {
  [K in T]: EventEnvelope<EventPayloads[K], K>;
}[T];

export interface EventDefinition<T extends EventType = EventType> {
  type: T;
  /** Version producers write now; bump it on a breaking payload change. */
  schemaVersion: number;
  /** Versions consumers still accept (a bump keeps the old one here until producers migrate). */
  acceptedVersions: readonly number[];
  payload: new () => EventPayloads[T];
  summary: string;
  producer: string;
}

function define<T extends EventType>(
  type: T,
  payload: new () => EventPayloads[T],
  producer: string,
  summary: string,
  schemaVersion = 1,
): EventDefinition<T> {
  return { type, payload, producer, summary, schemaVersion, acceptedVersions: [schemaVersion] };
}

/** The catalogue: event type -> payload class, schema version, producing service. */
export const EventRegistry: { readonly [T in EventType]: EventDefinition<T> } = {
  CartUpdated: define(Topics.CartUpdated, CartUpdatedPayload, 'cart', 'A cart was submitted as a priced order.'),
  InvoiceCreated: define(Topics.InvoiceCreated, InvoiceCreatedPayload, 'billing', 'An invoice was issued for an order.'),
  InvoiceVoided: define(Topics.InvoiceVoided, InvoiceVoidedPayload, 'billing', 'An invoice was voided.'),
  PaymentProcessed: define(Topics.PaymentProcessed, PaymentProcessedPayload, 'payment', 'Payment was captured.'),
  PaymentFailed: define(Topics.PaymentFailed, PaymentFailedPayload, 'payment', 'A payment attempt failed.'),
  PaymentRefunded: define(Topics.PaymentRefunded, PaymentRefundedPayload, 'payment', 'A payment was refunded.'),
  OrderShipped: define(Topics.OrderShipped, OrderShippedPayload, 'shipment', 'The order was handed to a carrier.'),
  OrderDelivered: define(Topics.OrderDelivered, OrderDeliveredPayload, 'shipment', 'The order was delivered.'),
  EmailSent: define(Topics.EmailSent, EmailSentPayload, 'email', 'A notification email was sent.'),
  OrderConfirmed: define(Topics.OrderConfirmed, OrderConfirmedPayload, 'order-status', 'The order was confirmed.'),
  OrderRejected: define(Topics.OrderRejected, OrderRejectedPayload, 'order-status', 'The order was rejected.'),
  OrderCancelled: define(Topics.OrderCancelled, OrderCancelledPayload, 'order-status', 'The order was cancelled.'),
  OrderCompleted: define(Topics.OrderCompleted, OrderCompletedPayload, 'order-status', 'The order was completed.'),
  OrderPaid: define(Topics.OrderPaid, OrderPaidPayload, 'order-status', 'The order was marked paid in its lifecycle.'),
  GroupOrderClosed: define(Topics.GroupOrderClosed, GroupOrderClosedPayload, 'cart', 'A group order stopped taking members; each member order entered checkout at its final discounted price.'),
  GroupOrderConfirmed: define(Topics.GroupOrderConfirmed, GroupOrderConfirmedPayload, 'cart', 'The restaurant confirmed it will deliver a closed group order.'),
  GroupOrderCancelled: define(Topics.GroupOrderCancelled, GroupOrderCancelledPayload, 'cart', 'A group order ended unconfirmed; its member orders are cancelled and refunded.'),
  DeliveryRoundStarted: define(Topics.DeliveryRoundStarted, DeliveryRoundStartedPayload, 'cart', "A confirmed group order's delivery round started: its orders ship together."),
};

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(EventRegistry, value);
}

export function eventDefinition<T extends EventType>(type: T): EventDefinition<T> {
  return EventRegistry[type] as EventDefinition<T>;
}

export const ALL_EVENT_TYPES = Object.keys(EventRegistry) as EventType[];
