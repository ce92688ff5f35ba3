import {
  DELIVERY_STATUS_CODES,
  DeliveryStatus,
  type LifecycleState,
  ORDER_STATUS_CODES,
  OrderStatus,
  PAYMENT_STATUS_CODES,
  PaymentStatus,
} from '../order-lifecycle-state';
import { LIFECYCLE_ACTIONS, type LifecycleAction, ORDER_TRANSITIONS, type RefusalCode, transition } from '../order-state-machine';

type Expected = { to: Partial<LifecycleState>; event: string | null } | { refused: RefusalCode };

const { New, Confirmed, Complete, Cancelled } = OrderStatus;
const { Unpaid, Paid, Refunded } = PaymentStatus;
const { Pending, Shipped, Delivered } = DeliveryStatus;

/**
 * The documented behaviour, written out independently of the table: for each action, what a
 * state becomes (only the axes that change) or which refusal it gets.
 */
const documented: Record<LifecycleAction, (s: LifecycleState) => Expected> = {
  confirm: (s) => {
    if (s.status === Cancelled) return { refused: 'ALREADY_CANCELLED' };
    if (s.status !== New) return { refused: 'ALREADY_CONFIRMED' };
    return { to: { status: Confirmed }, event: 'OrderConfirmed' };
  },
  markPaid: (s) => {
    if (s.status === Cancelled) return { refused: 'ALREADY_CANCELLED' };
    if (s.status === Complete || s.paymentStatus !== Unpaid) return { refused: 'ALREADY_PAID' };
    return { to: { paymentStatus: Paid }, event: 'OrderPaid' };
  },
  complete: (s) => {
    if (s.status === Complete) return { refused: 'ALREADY_COMPLETED' };
    if (s.status === Cancelled) return { refused: 'ALREADY_CANCELLED' };
    return { to: { status: Complete, paymentStatus: Paid }, event: 'OrderCompleted' };
  },
  cancel: (s) => {
    if (s.status === Complete) return { refused: 'ALREADY_COMPLETED' };
    if (s.status === Cancelled) return { refused: 'ALREADY_CANCELLED' };
    return { to: { status: Cancelled }, event: 'OrderCancelled' };
  },
  restaurantAccept: (s) => {
    if (s.status === Cancelled) return { refused: 'ALREADY_CANCELLED' };
    if (s.status !== New) return { refused: 'ALREADY_CONFIRMED' };
    if (s.paymentStatus !== Paid) return { refused: 'NOT_PAID' };
    return { to: { status: Confirmed }, event: 'OrderConfirmed' };
  },
  restaurantAcceptCash: (s) => documented.confirm(s),
  restaurantReject: (s) => {
    if (s.status === Cancelled) return { refused: 'ALREADY_CANCELLED' };
    if (s.status === Complete) return { refused: 'ALREADY_COMPLETED' };
    if (s.status === Confirmed) return { refused: 'ALREADY_CONFIRMED' };
    return { to: { status: Cancelled }, event: 'OrderCancelled' };
  },
  paymentProcessed: (s) => documented.markPaid(s),
  paymentRefunded: (s) => {
    if (s.status === Complete) return { refused: 'ALREADY_COMPLETED' };
    if (s.status !== Cancelled || s.paymentStatus !== Paid) return { refused: 'NOT_PAID' };
    return { to: { paymentStatus: Refunded }, event: null };
  },
  orderShipped: (s) => {
    if (s.status === Cancelled) return { refused: 'ALREADY_CANCELLED' };
    if (s.deliveryStatus !== Pending) return { refused: 'ALREADY_SHIPPED' };
    return { to: { deliveryStatus: Shipped }, event: null };
  },
  orderDelivered: (s) => {
    if (s.status === Cancelled) return { refused: 'ALREADY_CANCELLED' };
    if (s.deliveryStatus === Delivered) return { refused: 'ALREADY_DELIVERED' };
    if (s.deliveryStatus === Pending) return { refused: 'NOT_SHIPPED' };
    return { to: { deliveryStatus: Delivered }, event: null };
  },
};

const everyState: LifecycleState[] = ORDER_STATUS_CODES.flatMap((status) =>
  PAYMENT_STATUS_CODES.flatMap((paymentStatus) => DELIVERY_STATUS_CODES.map((deliveryStatus) => ({ status, paymentStatus, deliveryStatus }))),
);

const pairs = everyState.flatMap((state) => LIFECYCLE_ACTIONS.map((action) => [state, action] as const));

describe('order state machine', () => {
  it('covers every action with the documented behaviour', () => {
    expect([...LIFECYCLE_ACTIONS].sort()).toEqual(Object.keys(documented).sort());
    expect(pairs).toHaveLength(36 * 11);
  });

  it.each(pairs.map(([state, action]) => [action, JSON.stringify(state), state] as const))(
    '%s from %s reaches the documented state or refusal',
    (action, _label, state) => {
      const expected = documented[action](state);
      const outcome = transition(state, action);
      if ('refused' in expected) {
        expect(outcome).toEqual({ ok: false, refusal: { code: expected.refused, message: expect.any(String) } });
      } else {
        expect(outcome).toEqual({ ok: true, from: state, to: { ...state, ...expected.to }, event: expected.event });
      }
    },
  );

  it('names a refusal for every status an action does not start from (no gaps in the table)', () => {
    for (const [action, rule] of Object.entries(ORDER_TRANSITIONS)) {
      for (const status of ORDER_STATUS_CODES) {
        const accepted = (rule.from as readonly number[]).includes(status);
        const named = status in rule.refusedFrom;
        expect({ action, status, accountedFor: accepted !== named }).toEqual({ action, status, accountedFor: true });
      }
    }
  });

  it('gives the store wording of each refusal', () => {
    const at = (status: LifecycleState['status'], paymentStatus: LifecycleState['paymentStatus'] = Unpaid): LifecycleState => ({
      status,
      paymentStatus,
      deliveryStatus: Pending,
    });
    const messageOf = (state: LifecycleState, action: LifecycleAction) => {
      const outcome = transition(state, action);
      return outcome.ok ? undefined : outcome.refusal.message;
    };
    expect(messageOf(at(Confirmed), 'confirm')).toBe('Order has been confirmed');
    expect(messageOf(at(New, Paid), 'markPaid')).toBe('Order already paid');
    expect(messageOf(at(Complete, Paid), 'complete')).toBe('Order already completed');
    expect(messageOf(at(Cancelled), 'cancel')).toBe('Order already canceled');
  });

  it('makes cancellation final: no action moves a cancelled order', () => {
    for (const state of everyState.filter((s) => s.status === Cancelled)) {
      for (const action of LIFECYCLE_ACTIONS) {
        const outcome = transition(state, action);
        if (outcome.ok) expect(outcome.to.status).toBe(Cancelled);
      }
    }
  });
});
