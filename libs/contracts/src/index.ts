/**
 * @order-platform/contracts: the one place event and command contracts live.
 * Producers and consumers import the same classes; nobody redeclares a payload.
 */
export * from './topics/topics';
export * from './envelope/event-envelope';
export * from './envelope/event-headers';
export * from './envelope/create-event';
export * from './envelope/validate-event';
export * from './registry/event-registry';

export * from './events/shared/field-rules';
export * from './events/shared/order-line';
export * from './events/shared/postal-address';
export * from './events/cart-updated.event';
export * from './events/invoice-created.event';
export * from './events/invoice-voided.event';
export * from './events/payment-processed.event';
export * from './events/payment-failed.event';
export * from './events/payment-refunded.event';
export * from './events/order-shipped.event';
export * from './events/order-delivered.event';
export * from './events/email-sent.event';
export * from './events/order-lifecycle.events';
export * from './events/group-order.events';

export * from './commands/command-topics';
export * from './commands/command-reply';
export * from './commands/validate-command';
export * from './commands/cart/submit-cart.command';
export * from './commands/wholesale/wholesale-order.view';
export * from './commands/wholesale/wholesale-credentials';
export * from './commands/wholesale/wholesale-get-order.command';
export * from './commands/wholesale/wholesale-upsert-order.command';
export * from './commands/wholesale/wholesale-place-order.command';
export * from './commands/order-status/get-order.command';
export * from './commands/store/store-order-action.command';
export * from './commands/shipment/create-shipment.command';
export * from './commands/email/send-notification.command';
export * from './commands/billing/issue-invoice.command';
export * from './commands/payment/process-payment.command';
export * from './commands/customer-app/authenticate.command';
export * from './commands/customer-app/customer-app-order.view';
export * from './commands/customer-app/create-customer-app-order.command';
export * from './commands/customer-app/customer-app-order-step.command';
export * from './commands/customer-app/restaurant-decision.command';
export * from './commands/group-orders/group-order-requester';
export * from './commands/group-orders/group-order.view';
export * from './commands/group-orders/group-order-commands';

export * from './money/money';
export * from './money/currency-exponent';
export * from './money/rounding';
export * from './money/format-minor';
export * from './money/parse-minor';
export * from './money/allocate';

export * from './asyncapi/build-asyncapi-document';
export * from './asyncapi/class-to-json-schema';
export * from './asyncapi/asyncapi-file';
