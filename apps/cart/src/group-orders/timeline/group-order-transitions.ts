/**
 * The group order's lifecycle decisions, apart from the SQL that applies them:
 *
 *   OPEN --CLOSE timer (closedAt)--> CLOSED --restaurant confirms before endingAt--> CONFIRMED
 *   CLOSED --END timer (endingAt)--> CANCELLED          CONFIRMED --DELIVERY_ROUND timer (preparedAt)--> DELIVERING
 *
 * A timer that finds its group in any other state does nothing (and is still marked fired):
 * e.g. END after the restaurant confirmed.
 */
export const GROUP_ORDER_STATUSES = ['OPEN', 'CLOSED', 'CONFIRMED', 'DELIVERING', 'CANCELLED'] as const;
export type GroupOrderStatus = (typeof GROUP_ORDER_STATUSES)[number];

export const GROUP_ORDER_TIMER_KINDS = ['CLOSE', 'END', 'DELIVERY_ROUND'] as const;
export type GroupOrderTimerKind = (typeof GROUP_ORDER_TIMER_KINDS)[number];

export type TimerTransition = 'close' | 'cancel' | 'start-delivery-round' | 'none';

const TIMER_TRANSITIONS: Record<GroupOrderTimerKind, { from: GroupOrderStatus; transition: TimerTransition }> = {
  CLOSE: { from: 'OPEN', transition: 'close' },
  END: { from: 'CLOSED', transition: 'cancel' },
  DELIVERY_ROUND: { from: 'CONFIRMED', transition: 'start-delivery-round' },
};

/** What a due timer does to a group in `status`. */
export function timerTransition(kind: GroupOrderTimerKind, status: GroupOrderStatus): TimerTransition {
  const rule = TIMER_TRANSITIONS[kind];
  return rule.from === status ? rule.transition : 'none';
}

export type ConfirmationDecision =
  | { kind: 'confirm' }
  /** Already confirmed: the command is answered again with the group, nothing changes. */
  | { kind: 'already-confirmed' }
  /** Refused; `state` completes "The groupOrder #20 cannot be confirmed: it <state>." */
  | { kind: 'refuse'; state: string };

/**
 * The restaurant may confirm a CLOSED group until endingAt (exclusive); the time comes from the
 * Clock, so a group past endingAt is refused even before its END timer has fired.
 */
export function confirmationDecision(status: GroupOrderStatus, now: Date, endingAt: Date): ConfirmationDecision {
  switch (status) {
    case 'CLOSED':
      return now.getTime() < endingAt.getTime() ? { kind: 'confirm' } : { kind: 'refuse', state: 'ended unconfirmed' };
    case 'CONFIRMED':
      return { kind: 'already-confirmed' };
    default:
      return { kind: 'refuse', state: `is ${status.toLowerCase()}` };
  }
}

/** "The groupOrder #20 cannot be confirmed: it is open." */
export function cannotBeConfirmedMessage(groupOrderId: string, state: string): string {
  return `The groupOrder #${groupOrderId} cannot be confirmed: it ${state}.`;
}
