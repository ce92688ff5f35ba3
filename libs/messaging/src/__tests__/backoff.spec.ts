import { backoffDelayMs } from '../retry/backoff';

describe('backoffDelayMs', () => {
  const noJitter = () => 0.5; // random() = 0.5 -> zero spread

  it('grows exponentially from the initial delay and is capped', () => {
    const options = { initialDelayMs: 100, multiplier: 2, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffDelayMs(n, options, noJitter))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffDelayMs(0, options, noJitter)).toBe(0);
  });

  it('spreads by at most the jitter share', () => {
    const options = { initialDelayMs: 1000, jitter: 0.2, maxDelayMs: 10_000 };
    expect(backoffDelayMs(1, options, () => 0)).toBe(800);
    expect(backoffDelayMs(1, options, () => 0.999999)).toBe(1200);
  });
});
