import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';
import { ALL_EVENT_TYPES } from '../../registry/event-registry';
import { ASYNCAPI_FILE, renderAsyncApiYaml } from '../asyncapi-file';
import { buildAsyncApiDocument } from '../build-asyncapi-document';

describe('buildAsyncApiDocument', () => {
  it('produces an AsyncAPI 3.0 document the official parser accepts, with every registered event', async () => {
    const parser = new Parser();
    const { document, diagnostics } = await parser.parse(JSON.stringify(buildAsyncApiDocument()));
    const errors = diagnostics.filter((d) => d.severity === 0);
    expect(errors).toEqual([]);
    if (!document) throw new Error('parser returned no document');
    const channels = document.channels().all().map((c) => c.address());
    const messages = document.messages().all().map((m) => m.name());
    expect(ALL_EVENT_TYPES.length).toBeGreaterThanOrEqual(13);
    for (const type of ALL_EVENT_TYPES) {
      expect(channels).toContain(type);
      expect(messages).toContain(type);
    }
  });

  it('declares the envelope headers on every message, and the customer snapshot CartUpdated carries', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a JSON document
    const doc = buildAsyncApiDocument() as { components: { messages: Record<string, any>; schemas: Record<string, any> } };
    const headers = doc.components.schemas['EventHeaders'];
    expect(headers.required).toEqual(expect.arrayContaining(['x-correlation-id', 'x-event-type', 'x-schema-version']));
    for (const type of ALL_EVENT_TYPES) {
      expect(doc.components.messages[type].headers).toEqual({ $ref: '#/components/schemas/EventHeaders' });
    }
    const customer = doc.components.schemas['CartUpdatedPayload'].properties.customer;
    expect(JSON.stringify(customer)).toContain('shippingAddress');
  });

  it('derives payload schemas from the validation rules', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking a JSON document
    const doc = buildAsyncApiDocument() as { components: { schemas: Record<string, any> } };
    const cart = doc.components.schemas['CartUpdatedPayload'];
    expect(cart.required).toEqual(expect.arrayContaining(['orderId', 'customerId', 'currency', 'items', 'totalMinor']));
    expect(cart.required).not.toContain('discountMinor');
    expect(cart.properties.totalMinor).toMatchObject({ type: 'integer', minimum: 0 });
    expect(cart.properties.items).toMatchObject({ type: 'array', minItems: 1 });
    expect(cart.properties.items.items.properties.quantity).toMatchObject({ type: 'integer', minimum: 1 });
    expect(cart.properties.currency).toMatchObject({ type: 'string', pattern: '^[A-Z]{3}$' });
    const envelope = doc.components.schemas['CartUpdatedEnvelope'];
    expect(envelope.properties.id).toMatchObject({ format: 'uuid' });
    expect(envelope.properties.payload).toEqual({ $ref: '#/components/schemas/CartUpdatedPayload' });
  });
});

describe('the published asyncapi.yaml', () => {
  it('matches the contract classes (regenerate with src/cli/write-asyncapi.ts)', () => {
    expect(readFileSync(ASYNCAPI_FILE, 'utf8')).toBe(renderAsyncApiYaml());
  });
});
