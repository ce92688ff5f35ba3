import {
  DeliveryStatus,
  type LifecycleState,
  OrderStatus,
  type OrderStatusCode,
  PaymentStatus,
} from './order-lifecycle-state';

/** Why a move was refused. The codes are the domain's; each API family maps them to its own wording. */
export const RefusalCodes = {
  AlreadyConfirmed: 'ALREADY_CONFIRMED',
  AlreadyPaid: 'ALREADY_PAID',
  AlreadyCompleted: 'ALREADY_COMPLETED',
  AlreadyCancelled: 'ALREADY_CANCELLED',
  NotPaid: 'NOT_PAID',
  NotShipped: 'NOT_SHIPPED',
  AlreadyShipped: 'ALREADY_SHIPPED',
  AlreadyDelivered: 'ALREADY_DELIVERED',
} as const;
export type RefusalCode = (typeof RefusalCodes)[keyof typeof RefusalCodes];

export interface Refusal {
  code: RefusalCode;
  message: string;
}

const REFUSALS: Record<RefusalCode, Refusal> = {
  ALREADY_CONFIRMED: { code: 'ALREADY_CONFIRMED', message: 'Order has been confirmed' },
  ALREADY_PAID: { code: 'ALREADY_PAID', message: 'Order already paid' },
  ALREADY_COMPLETED: { code: 'ALREADY_COMPLETED', message: 'Order already completed' },
  ALREADY_CANCELLED: { code: 'ALREADY_CANCELLED', message: 'Order already canceled' },
  NOT_PAID: { code: 'NOT_PAID', message: 'Order has not been paid' },
  NOT_SHIPPED: { code: 'NOT_SHIPPED', message: 'Order has not been shipped' },
  ALREADY_SHIPPED: { code: 'ALREADY_SHIPPED', message: 'Order already shipped' },
  ALREADY_DELIVERED: { code: 'ALREADY_DELIVERED', message: 'Order already delivered' },
};

export function refusal(code: RefusalCode): Refusal {
  return REFUSALS[code];
}

/** The lifecycle events order-status publishes for a transition. */
export type LifecycleEventType = 'OrderConfirmed' | 'OrderPaid' | 'OrderCompleted' | 'OrderCancelled';

export interface Transition {
  /** Order statuses the action starts from; any other status is refused with `refusedFrom`'s code. */
  from: readonly OrderStatusCode[];
  /** Why each status outside `from` refuses the action. */
  refusedFrom: Partial<Record<OrderStatusCode, RefusalCode>>;
  /** Further conditions on the payment and delivery axes. */
  guard?: (state: LifecycleState) => RefusalCode | undefined;
  to: (state: LifecycleState) => LifecycleState;
  /**
   * The event the move publishes. null for moves that mirror a fact another service has
   * already published (shipment's OrderShipped / OrderDelivered): re-publishing it would
   * give consumers the same fact twice under two names.
   */
  event: LifecycleEventType | null;
}

const open: readonly OrderStatusCode[] = [OrderStatus.New, OrderStatus.Confirmed];
const closedRefusals = { [OrderStatus.Complete]: RefusalCodes.AlreadyCompleted, [OrderStatus.Cancelled]: RefusalCodes.AlreadyCancelled };
/** Confirming, by the store or the restaurant: only a new order. */
const confirmRefusals = {
  [OrderStatus.Confirmed]: RefusalCodes.AlreadyConfirmed,
  [OrderStatus.Complete]: RefusalCodes.AlreadyConfirmed,
  [OrderStatus.Cancelled]: RefusalCodes.AlreadyCancelled,
};
const toConfirmed = (state: LifecycleState): LifecycleState => ({ ...state, status: OrderStatus.Confirmed });
/** Marking paid, by the store or by the checkout flow's PaymentProcessed: once, while open. */
const paidOnce = {
  from: open,
  refusedFrom: { [OrderStatus.Complete]: RefusalCodes.AlreadyPaid, [OrderStatus.Cancelled]: RefusalCodes.AlreadyCancelled },
  guard: (state: LifecycleState) => (state.paymentStatus === PaymentStatus.Unpaid ? undefined : RefusalCodes.AlreadyPaid),
  to: (state: LifecycleState): LifecycleState => ({ ...state, paymentStatus: PaymentStatus.Paid }),
  event: 'OrderPaid' as const,
};

/**
 * The order lifecycle as data. Cancelled is final; Complete accepts no store move either (a
 * completed order is reversed by a refund, not by cancelling it).
 */
export const ORDER_TRANSITIONS = {
  /** The store accepted the order. */
  confirm: {
    from: [OrderStatus.New],
    refusedFrom: confirmRefusals,
    to: toConfirmed,
    event: 'OrderConfirmed',
  },
  /** The store took the money itself (cash, card terminal). */
  markPaid: {
    ...paidOnce,
  },
  /** Handed over: paid and done, whatever the order's status and payment were before. */
  complete: {
    from: open,
    refusedFrom: closedRefusals,
    to: (state) => ({ ...state, status: OrderStatus.Complete, paymentStatus: PaymentStatus.Paid }),
    event: 'OrderCompleted',
  },
  /** Final. A paid order keeps paymentStatus paid until payment reports the refund (paymentRefunded). */
  cancel: {
    from: open,
    refusedFrom: closedRefusals,
    to: (state) => ({ ...state, status: OrderStatus.Cancelled }),
    event: 'OrderCancelled',
  },
  /** The restaurant app accepts a card order: only once the payment went through. */
  restaurantAccept: {
    from: [OrderStatus.New],
    refusedFrom: confirmRefusals,
    guard: (state) => (state.paymentStatus === PaymentStatus.Paid ? undefined : RefusalCodes.NotPaid),
    to: toConfirmed,
    event: 'OrderConfirmed',
  },
  /** The restaurant app accepts a cash order the customer confirmed: the money is collected on delivery. */
  restaurantAcceptCash: {
    from: [OrderStatus.New],
    refusedFrom: confirmRefusals,
    to: toConfirmed,
    event: 'OrderConfirmed',
  },
  /** The restaurant app rejects a new order: cancelled with its reason (OrderRejected precedes OrderCancelled). */
  restaurantReject: {
    from: [OrderStatus.New],
    refusedFrom: {
      [OrderStatus.Confirmed]: RefusalCodes.AlreadyConfirmed,
      [OrderStatus.Complete]: RefusalCodes.AlreadyCompleted,
      [OrderStatus.Cancelled]: RefusalCodes.AlreadyCancelled,
    },
    to: (state) => ({ ...state, status: OrderStatus.Cancelled }),
    event: 'OrderCancelled',
  },
  /** The checkout flow's PaymentProcessed applied to the lifecycle. */
  paymentProcessed: {
    ...paidOnce,
  },
  /** Payment's PaymentRefunded after a cancellation. */
  paymentRefunded: {
    from: [OrderStatus.Cancelled],
    refusedFrom: { [OrderStatus.New]: RefusalCodes.NotPaid, [OrderStatus.Confirmed]: RefusalCodes.NotPaid, [OrderStatus.Complete]: RefusalCodes.AlreadyCompleted },
    guard: (state) => (state.paymentStatus === PaymentStatus.Paid ? undefined : RefusalCodes.NotPaid),
    to: (state) => ({ ...state, paymentStatus: PaymentStatus.Refunded }),
    event: null,
  },
  /** Shipment's OrderShipped. */
  orderShipped: {
    from: [OrderStatus.New, OrderStatus.Confirmed, OrderStatus.Complete],
    refusedFrom: { [OrderStatus.Cancelled]: RefusalCodes.AlreadyCancelled },
    guard: (state) => (state.deliveryStatus === DeliveryStatus.Pending ? undefined : RefusalCodes.AlreadyShipped),
    to: (state) => ({ ...state, deliveryStatus: DeliveryStatus.Shipped }),
    event: null,
  },
  /** Shipment's OrderDelivered. */
  orderDelivered: {
    from: [OrderStatus.New, OrderStatus.Confirmed, OrderStatus.Complete],
    refusedFrom: { [OrderStatus.Cancelled]: RefusalCodes.AlreadyCancelled },
    guard: (state) => {
      if (state.deliveryStatus === DeliveryStatus.Delivered) return RefusalCodes.AlreadyDelivered;
      return state.deliveryStatus === DeliveryStatus.Shipped ? undefined : RefusalCodes.NotShipped;
    },
    to: (state) => ({ ...state, deliveryStatus: DeliveryStatus.Delivered }),
    event: null,
  },
} as const satisfies Record<string, Transition>;

export type LifecycleAction = keyof typeof ORDER_TRANSITIONS;
export const LIFECYCLE_ACTIONS = Object.keys(ORDER_TRANSITIONS) as LifecycleAction[];

export type TransitionOutcome =
  | { ok: true; from: LifecycleState; to: LifecycleState; event: LifecycleEventType | null }
  | { ok: false; refusal: Refusal };

/** Applies one action to a state. Never throws: an illegal move is a refusal value. */
export function transition(state: LifecycleState, action: LifecycleAction): TransitionOutcome {
  const rule: Transition = ORDER_TRANSITIONS[action];
  if (!rule.from.includes(state.status)) {
    // A status neither accepted nor named would be a gap in the table; the table test forbids it.
    return { ok: false, refusal: refusal(rule.refusedFrom[state.status] ?? RefusalCodes.AlreadyCancelled) };
  }
  const refused = rule.guard?.(state);
  if (refused) return { ok: false, refusal: refusal(refused) };
  return { ok: true, from: state, to: rule.to(state), event: rule.event };
}
