import { CartUpdatedPayload } from '../../events/cart-updated.event';
import { describeErrors, validateEvent } from '../validate-event';
import { eventHeaders } from '../create-event';
import { sampleCartUpdated } from './sample-events';

describe('validateEvent', () => {
  it('accepts a valid event from an object, a JSON string and a Buffer, typed by its payload class', () => {
    const event = sampleCartUpdated();
    for (const raw of [event, JSON.stringify(event), Buffer.from(JSON.stringify(event))]) {
      const result = validateEvent(raw);
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(result.event.type).toBe('CartUpdated');
        expect(result.event.payload).toBeInstanceOf(CartUpdatedPayload);
        expect(result.event.orderId).toBe(event.orderId);
      }
    }
  });

  it('reports envelope errors with field paths', () => {
    const event = { ...sampleCartUpdated(), id: 'not-a-uuid', correlationId: '' } as Record<string, unknown>;
    delete event['occurredAt'];
    const result = validateEvent(event);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const paths = result.errors.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['id', 'correlationId', 'occurredAt']));
    }
  });

  it('reports nested payload errors with full paths', () => {
    const event = sampleCartUpdated();
    const raw = JSON.parse(JSON.stringify(event));
    raw.payload.items[0].quantity = 0;
    raw.payload.totalMinor = 12.5;
    raw.payload.currency = 'euro';
    const result = validateEvent(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const paths = result.errors.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['payload.items.0.quantity', 'payload.totalMinor', 'payload.currency']));
      expect(describeErrors(result.errors)).toContain('payload.items.0.quantity');
    }
  });

  it('rejects unknown types, unaccepted versions, mismatched order ids, wrong expected type and bad JSON', () => {
    const event = sampleCartUpdated();
    const cases: [unknown, string][] = [
      [{ ...event, type: 'Nope' }, 'type'],
      [{ ...event, schemaVersion: 99 }, 'schemaVersion'],
      [{ ...event, orderId: 'other' }, 'payload.orderId'],
      ['{not json', ''],
      [[1, 2], ''],
    ];
    for (const [raw, path] of cases) {
      const result = validateEvent(raw);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0].path).toBe(path);
    }
    const wrongType = validateEvent(event, 'InvoiceCreated');
    expect(wrongType.ok).toBe(false);
  });

  it('keeps unknown extra fields (tolerant reader)', () => {
    const raw = { ...sampleCartUpdated(), extra: 1 };
    expect(validateEvent(raw).ok).toBe(true);
  });

  it('builds headers from the envelope', () => {
    const event = sampleCartUpdated();
    expect(eventHeaders(event)).toEqual({
      'x-correlation-id': 'corr-1',
      'x-event-type': 'CartUpdated',
      'x-schema-version': '1',
      'x-event-id': event.id,
    });
  });
});
