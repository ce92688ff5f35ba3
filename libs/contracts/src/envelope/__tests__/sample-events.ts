import { randomUUID } from 'node:crypto';
import { createEvent } from '../create-event';

/** A valid CartUpdated envelope for tests. */
export function sampleCartUpdated(orderId = `ord-${randomUUID()}`) {
  return createEvent(
    'CartUpdated',
    {
      orderId,
      customerId: 'cus-1',
      customerEmail: 'ada@example.com',
      currency: 'EUR',
      items: [{ productId: 'p-1', name: 'Pizza', quantity: 2, unitPriceMinor: 950 }],
      subtotalMinor: 1900,
      taxMinor: 361,
      totalMinor: 2261,
    },
    { correlationId: 'corr-1' },
  );
}
