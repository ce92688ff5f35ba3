import { formatLogLine, servicePrefix } from '../log-formatter';

const plain = { colors: false };

describe('formatLogLine', () => {
  it('renders a pino line as time, level, context, message and key fields', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2026, 0, 2, 8, 30, 15, 42),
      pid: 123,
      hostname: 'box',
      service: 'cart',
      context: 'CartService',
      msg: 'cart submitted',
      orderId: 'ord-1',
      correlationId: 'c-9',
      lines: 3,
    });
    expect(formatLogLine(line, plain)).toBe('08:30:15.042 INFO  (CartService) cart submitted correlationId=c-9 orderId=ord-1 lines=3');
  });

  it('summarises HTTP request logs and errors on the same line', () => {
    const request = JSON.stringify({ level: 30, time: 0, req: { method: 'GET', url: '/health/ready', headers: {} }, res: { statusCode: 503 }, responseTime: 4, msg: 'request completed' });
    expect(formatLogLine(request, plain)).toBe('00:00:00.000 INFO  request completed GET /health/ready -> 503 4ms');

    const failure = JSON.stringify({ level: 50, time: 0, msg: 'relay failed', err: { type: 'Error', message: 'broker down', stack: 'Error: broker down\n  at x' } });
    expect(formatLogLine(failure, plain)).toBe('00:00:00.000 ERROR relay failed err="broker down"');
  });

  it('quotes values with spaces and truncates long ones', () => {
    const line = JSON.stringify({ level: 40, time: 0, msg: 'slow', topic: 'CartUpdated', note: 'two words', blob: 'x'.repeat(500) });
    const out = formatLogLine(line, plain);
    expect(out).toContain('WARN  slow topic=CartUpdated note="two words" blob=');
    expect(out.length).toBeLessThan(200);
  });

  it('passes non-JSON lines through, and everything in raw mode', () => {
    expect(formatLogLine('Listening on 3101', plain)).toBe('Listening on 3101');
    expect(formatLogLine('{not json', plain)).toBe('{not json');
    const json = JSON.stringify({ level: 30, msg: 'x' });
    expect(formatLogLine(json, { colors: true, raw: true })).toBe(json);
  });

  it('colours the level only when asked', () => {
    const json = JSON.stringify({ level: 50, time: 0, msg: 'x' });
    expect(formatLogLine(json, { colors: true })).toContain('\u001b[31mERROR\u001b[0m');
    expect(formatLogLine(json, plain)).not.toContain('\u001b[');
  });
});

describe('servicePrefix', () => {
  it('names the service in brackets, padded, with a colour stable per name', () => {
    expect(servicePrefix('cart', false, 12)).toBe('[cart]        ');
    expect(servicePrefix('cart', true)).toBe(servicePrefix('cart', true));
    const coloured = servicePrefix('cart', true);
    expect(coloured.startsWith('\u001b[')).toBe(true);
    expect(coloured.endsWith('[cart]\u001b[0m')).toBe(true);
  });
});
