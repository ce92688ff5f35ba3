import { parseTrackedEvent, statusAfter } from '../tracked-events';

describe('statusAfter', () => {
  it('moves forward to the milestone an event stands for', () => {
    expect(statusAfter('pending', { type: 'InvoiceCreated', payload: {} })).toBe('invoiced');
    expect(statusAfter('invoiced', { type: 'PaymentProcessed', payload: {} })).toBe('paid');
    expect(statusAfter('paid', { type: 'OrderShipped', payload: {} })).toBe('shipped');
  });

  it('never moves back, and cancellation is final', () => {
    expect(statusAfter('shipped', { type: 'InvoiceCreated', payload: {} })).toBe('shipped');
    expect(statusAfter('cancelled', { type: 'PaymentProcessed', payload: {} })).toBe('cancelled');
  });

  it('tells a retryable payment failure from a final one', () => {
    expect(statusAfter('invoiced', { type: 'PaymentFailed', payload: { retryable: true } })).toBe('payment_failed');
    expect(statusAfter('invoiced', { type: 'PaymentFailed', payload: { retryable: false } })).toBe('cancelled');
  });

  it('keeps the status for events that do not move the order', () => {
    expect(statusAfter('paid', { type: 'InvoiceVoided', payload: {} })).toBe('paid');
  });
});

describe('parseTrackedEvent', () => {
  it('reads an envelope and rejects anything else', () => {
    const envelope = { id: 'e1', type: 'OrderShipped', orderId: '456', occurredAt: '2026-01-15T10:00:00.000Z', payload: { carrier: 'local' }, extra: 1 };
    expect(parseTrackedEvent(Buffer.from(JSON.stringify(envelope)))).toEqual({
      id: 'e1',
      type: 'OrderShipped',
      orderId: '456',
      occurredAt: '2026-01-15T10:00:00.000Z',
      payload: { carrier: 'local' },
    });
    expect(parseTrackedEvent(Buffer.from('not json'))).toBeUndefined();
    expect(parseTrackedEvent(Buffer.from('{"id":"e1"}'))).toBeUndefined();
    expect(parseTrackedEvent(null)).toBeUndefined();
  });
});
