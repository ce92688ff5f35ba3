import Fastify, { type FastifyInstance } from 'fastify';
import { currentCorrelationId } from '../correlation';
import { registerCorrelationIdHook, resolveCorrelationId } from '../correlation-id.hook';

describe('resolveCorrelationId', () => {
  it('keeps a usable caller id', () => {
    expect(resolveCorrelationId('order-42:retry.1')).toBe('order-42:retry.1');
    expect(resolveCorrelationId(['first', 'second'])).toBe('first');
  });

  it('replaces a missing, oversized or unsafe id with a UUID', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(resolveCorrelationId(undefined)).toMatch(uuid);
    expect(resolveCorrelationId('')).toMatch(uuid);
    expect(resolveCorrelationId('x'.repeat(129))).toMatch(uuid);
    expect(resolveCorrelationId('bad id\nInjected: header')).toMatch(uuid);
  });
});

describe('registerCorrelationIdHook', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify();
    registerCorrelationIdHook(app);
    // An await before reading proves the context survives async continuations.
    app.get('/probe', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { correlationId: currentCorrelationId() };
    });
    await app.ready();
  });

  afterAll(() => app.close());

  it('echoes the caller id and runs the handler inside its context', async () => {
    const res = await app.inject({ method: 'GET', url: '/probe', headers: { 'x-correlation-id': 'abc-1' } });
    expect(res.headers['x-correlation-id']).toBe('abc-1');
    expect(res.json()).toEqual({ correlationId: 'abc-1' });
  });

  it('generates one id per request when none is sent', async () => {
    const [a, b] = await Promise.all([app.inject('/probe'), app.inject('/probe')]);
    expect(a.json().correlationId).toBe(a.headers['x-correlation-id']);
    expect(b.json().correlationId).toBe(b.headers['x-correlation-id']);
    expect(a.headers['x-correlation-id']).not.toBe(b.headers['x-correlation-id']);
  });

  it('has no correlation id outside a request', () => {
    expect(currentCorrelationId()).toBeUndefined();
  });
});
