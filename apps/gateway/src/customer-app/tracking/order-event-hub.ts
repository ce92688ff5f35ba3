import { Injectable } from '@nestjs/common';
import type { TrackedEvent } from './tracked-events';

export type TrackedEventListener = (event: TrackedEvent) => void;

/**
 * In-memory fan-out from this replica's Kafka consumer to the streams open on it, by order id.
 * Every replica consumes every event, so a stream sees its order's events wherever it lands.
 */
@Injectable()
export class OrderEventHub {
  private readonly listeners = new Map<string, Set<TrackedEventListener>>();

  /** Registers `listener` for `orderId`; the returned function unregisters it. */
  subscribe(orderId: string, listener: TrackedEventListener): () => void {
    let set = this.listeners.get(orderId);
    if (!set) {
      set = new Set();
      this.listeners.set(orderId, set);
    }
    set.add(listener);
    return () => {
      const current = this.listeners.get(orderId);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) this.listeners.delete(orderId);
    };
  }

  /** Hands `event` to its order's listeners; one failing listener never stops the others. */
  publish(event: TrackedEvent): number {
    const set = this.listeners.get(event.orderId);
    if (!set) return 0;
    for (const listener of [...set]) {
      try {
        listener(event);
      } catch {
        // A listener owns its errors (a broken stream closes itself); the rest still get the event.
      }
    }
    return set.size;
  }

  subscriberCount(orderId?: string): number {
    if (orderId !== undefined) return this.listeners.get(orderId)?.size ?? 0;
    let total = 0;
    for (const set of this.listeners.values()) total += set.size;
    return total;
  }
}
