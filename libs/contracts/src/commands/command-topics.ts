/** Request-reply topic of a gateway command: `<service>.<command>`, e.g. `cart.submit-cart`. */
export function commandTopic(service: string, command: string): string {
  const name = /^[a-z][a-z0-9-]*$/;
  if (!name.test(service) || !name.test(command)) {
    throw new Error(`command names are kebab-case: got '${service}.${command}'`);
  }
  return `${service}.${command}`;
}

/** The topic NestJS's ClientKafka listens on for replies to `topic`. */
export function replyTopic(topic: string): string {
  return `${topic}.reply`;
}

/** Every command topic the gateway sends to. Services import these for @MessagePattern. */
export const Commands = {
  Cart: {
    SubmitCart: commandTopic('cart', 'submit-cart'),
    WholesaleGetOrder: commandTopic('cart', 'wholesale-get-order'),
    WholesaleUpsertOrder: commandTopic('cart', 'wholesale-upsert-order'),
    WholesalePlaceOrder: commandTopic('cart', 'wholesale-place-order'),
  },
  OrderStatus: {
    GetOrder: commandTopic('order-status', 'get-order'),
    StoreOrderAction: commandTopic('order-status', 'store-action'),
  },
  Billing: {
    IssueInvoice: commandTopic('billing', 'issue-invoice'),
  },
  Payment: {
    ProcessPayment: commandTopic('payment', 'process-payment'),
  },
  Shipment: {
    CreateShipment: commandTopic('shipment', 'create-shipment'),
  },
  Email: {
    SendNotification: commandTopic('email', 'send-notification'),
  },
  /** The customer-app and restaurant-app order steps (drafts live in cart, decisions in order-status). */
  CustomerApp: {
    Authenticate: commandTopic('cart', 'authenticate'),
    CreateOrder: commandTopic('cart', 'customer-app-create-order'),
    OrderStep: commandTopic('cart', 'customer-app-order-step'),
    GetOrder: commandTopic('cart', 'customer-app-get-order'),
    RecordDecision: commandTopic('cart', 'customer-app-record-decision'),
    RestaurantDecision: commandTopic('order-status', 'restaurant-decision'),
  },
  /** Group orders ("FoodRush"): cart owns the groups, their member orders and their timers. */
  GroupOrders: {
    CreateOrder: commandTopic('cart', 'group-create-order'),
    JoinGroupOrder: commandTopic('cart', 'group-join-order'),
    CreateExternalOrder: commandTopic('cart', 'group-external-order'),
    GetOrder: commandTopic('cart', 'group-get-order'),
    ListCustomerOrders: commandTopic('cart', 'group-list-customer-orders'),
    GetGroupOrder: commandTopic('cart', 'group-get-group-order'),
    ListGroupOrders: commandTopic('cart', 'group-list-group-orders'),
    ConfirmGroupOrder: commandTopic('cart', 'group-confirm-group-order'),
  },
} as const;
