import { cannotBeConfirmedMessage, confirmationDecision, GROUP_ORDER_STATUSES, timerTransition } from '../group-order-transitions';

describe('group order timer transitions', () => {
  it.each([
    ['CLOSE', 'OPEN', 'close'],
    ['END', 'CLOSED', 'cancel'],
    ['DELIVERY_ROUND', 'CONFIRMED', 'start-delivery-round'],
  ] as const)('%s fires %s -> %s', (kind, status, transition) => {
    expect(timerTransition(kind, status)).toBe(transition);
  });

  it('does nothing to a group in any other state (END after the restaurant confirmed, CLOSE twice, ...)', () => {
    const expected = { CLOSE: 'OPEN', END: 'CLOSED', DELIVERY_ROUND: 'CONFIRMED' } as const;
    for (const kind of ['CLOSE', 'END', 'DELIVERY_ROUND'] as const) {
      for (const status of GROUP_ORDER_STATUSES.filter((s) => s !== expected[kind])) {
        expect([kind, status, timerTransition(kind, status)]).toEqual([kind, status, 'none']);
      }
    }
  });
});

describe('restaurant confirmation', () => {
  const endingAt = new Date('2025-01-30T16:30:00.000Z');

  it('confirms a closed group before endingAt, up to the last millisecond', () => {
    expect(confirmationDecision('CLOSED', new Date('2025-01-30T16:10:00.000Z'), endingAt)).toEqual({ kind: 'confirm' });
    expect(confirmationDecision('CLOSED', new Date(endingAt.getTime() - 1), endingAt)).toEqual({ kind: 'confirm' });
  });

  it('refuses a closed group from endingAt on, even before the END timer fired', () => {
    expect(confirmationDecision('CLOSED', endingAt, endingAt)).toEqual({ kind: 'refuse', state: 'ended unconfirmed' });
    expect(cannotBeConfirmedMessage('20', 'ended unconfirmed')).toBe('The groupOrder #20 cannot be confirmed: it ended unconfirmed.');
  });

  it('answers an already confirmed group again', () => {
    expect(confirmationDecision('CONFIRMED', endingAt, endingAt)).toEqual({ kind: 'already-confirmed' });
  });

  it.each([
    ['OPEN', 'The groupOrder #20 cannot be confirmed: it is open.'],
    ['DELIVERING', 'The groupOrder #20 cannot be confirmed: it is delivering.'],
    ['CANCELLED', 'The groupOrder #20 cannot be confirmed: it is cancelled.'],
  ] as const)('refuses a group that is %s', (status, message) => {
    const decision = confirmationDecision(status, new Date('2025-01-30T16:00:00.000Z'), endingAt);
    expect(decision.kind).toBe('refuse');
    if (decision.kind === 'refuse') expect(cannotBeConfirmedMessage('20', decision.state)).toBe(message);
  });
});
