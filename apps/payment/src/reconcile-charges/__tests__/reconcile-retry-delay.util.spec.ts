import { reconcileRetryDelayMs } from '../reconcile-retry-delay.util';

const noJitter = () => 0.5;

describe('reconcileRetryDelayMs', () => {
  it('waits one interval after the first failed try and doubles up to the cap', () => {
    const options = { intervalMs: 30_000, maxBackoffMs: 600_000 };
    expect([1, 2, 3, 4, 5, 6, 12].map((tries) => reconcileRetryDelayMs(tries, options, noJitter))).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 600_000, 600_000,
    ]);
  });

  it('never waits less than a second, so a failing charge is not tried twice in one sweep', () => {
    expect(reconcileRetryDelayMs(1, { intervalMs: 100, maxBackoffMs: 1000 }, () => 0)).toBe(1000);
    expect(reconcileRetryDelayMs(1, { intervalMs: 0, maxBackoffMs: 600_000 }, noJitter)).toBe(1000);
    expect(reconcileRetryDelayMs(0, { intervalMs: 0, maxBackoffMs: 600_000 }, noJitter)).toBe(1000);
  });

  it('spreads replicas by up to 20 %', () => {
    const options = { intervalMs: 10_000, maxBackoffMs: 600_000 };
    expect(reconcileRetryDelayMs(2, options, () => 0)).toBe(16_000);
    expect(reconcileRetryDelayMs(2, options, () => 1)).toBe(24_000);
  });
});
