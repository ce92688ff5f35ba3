import { correlationIdOrNew, currentCorrelationId, runWithCorrelationId } from '../correlation/correlation-context';
import { correlationHeaders, correlationIdFromHeaders } from '../correlation/correlation-headers';

describe('correlation id', () => {
  it('is visible across awaits inside runWithCorrelationId and absent outside', async () => {
    expect(currentCorrelationId()).toBeUndefined();
    const seen = await runWithCorrelationId('c-1', async () => {
      await new Promise((r) => setTimeout(r, 5));
      return currentCorrelationId();
    });
    expect(seen).toBe('c-1');
    expect(currentCorrelationId()).toBeUndefined();
    expect(correlationIdOrNew()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads and writes the x-correlation-id header (string or Buffer)', () => {
    expect(correlationHeaders('c-2')).toEqual({ 'x-correlation-id': 'c-2' });
    expect(correlationIdFromHeaders({ 'x-correlation-id': Buffer.from('c-3') })).toBe('c-3');
    expect(correlationIdFromHeaders({ 'x-correlation-id': 'c-4' })).toBe('c-4');
    expect(correlationIdFromHeaders({})).toBeUndefined();
  });
});
