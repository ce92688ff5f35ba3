import { OrderEventHub } from '../order-event-hub';
import type { TrackedEvent } from '../tracked-events';

const eventOf = (orderId: string, id: string): TrackedEvent => ({ id, orderId, type: 'InvoiceCreated', occurredAt: '2026-01-15T10:00:00.000Z', payload: {} });

describe('OrderEventHub', () => {
  it("delivers an event only to its order's listeners", () => {
    const hub = new OrderEventHub();
    const a: string[] = [];
    const b: string[] = [];
    hub.subscribe('A', (event) => a.push(event.id));
    hub.subscribe('B', (event) => b.push(event.id));
    hub.publish(eventOf('A', '1'));
    hub.publish(eventOf('C', '2'));
    expect(a).toEqual(['1']);
    expect(b).toEqual([]);
  });

  it('keeps delivering to the others when one listener throws, and forgets unsubscribed ones', () => {
    const hub = new OrderEventHub();
    const seen: string[] = [];
    hub.subscribe('A', () => {
      throw new Error('broken stream');
    });
    const unsubscribe = hub.subscribe('A', (event) => seen.push(event.id));
    expect(hub.publish(eventOf('A', '1'))).toBe(2);
    unsubscribe();
    unsubscribe();
    hub.publish(eventOf('A', '2'));
    expect(seen).toEqual(['1']);
    expect(hub.subscriberCount('A')).toBe(1);
    expect(hub.subscriberCount()).toBe(1);
  });
});
