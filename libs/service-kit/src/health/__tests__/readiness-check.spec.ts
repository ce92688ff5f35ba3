import { runReadinessChecks } from '../readiness-check';

describe('runReadinessChecks', () => {
  it('is ok when every check passes', async () => {
    const result = await runReadinessChecks([{ name: 'database', check: async () => undefined }], 100);
    expect(result).toEqual({ status: 'ok', checks: { database: { status: 'up' } } });
  });

  it('reports each failing check with its error', async () => {
    const result = await runReadinessChecks(
      [
        { name: 'database', check: async () => undefined },
        { name: 'kafka', check: async () => Promise.reject(new Error('connection refused')) },
      ],
      100,
    );
    expect(result).toEqual({
      status: 'error',
      checks: { database: { status: 'up' }, kafka: { status: 'down', error: 'connection refused' } },
    });
  });

  it('counts a check that hangs as down after the timeout', async () => {
    const started = Date.now();
    const result = await runReadinessChecks([{ name: 'kafka', check: () => new Promise<void>(() => undefined) }], 50);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.checks.kafka).toEqual({ status: 'down', error: 'kafka check timed out after 50 ms' });
  });
});
