import { waitFor } from '@order-platform/testing';
import { ChargeReconcileSchedule } from '../charge-reconcile-schedule';
import type { ChargeReconciler } from '../charge-reconciler';

/** A reconciler whose sweep stays in flight until released, recording how it was called. */
function fakeReconciler() {
  const sweeps: Array<() => boolean> = [];
  let release: () => void = () => undefined;
  const inFlight = new Promise<void>((resolve) => (release = resolve));
  const reconciler = {
    sweep: async (_now: Date, stopping: () => boolean) => {
      sweeps.push(stopping);
      await inFlight;
      return [];
    },
  } as unknown as ChargeReconciler;
  return { reconciler, sweeps, release: () => release() };
}

const options = { intervalMs: 100, afterMs: 120_000, maxBackoffMs: 600_000 };

describe('ChargeReconcileSchedule', () => {
  it('PAYMENT_RECONCILE_INTERVAL_MS=0: never starts', async () => {
    const { reconciler } = fakeReconciler();
    const schedule = new ChargeReconcileSchedule(reconciler, { ...options, intervalMs: 0 });
    const start = jest.spyOn(schedule, 'start');
    schedule.onApplicationBootstrap();
    expect(start).not.toHaveBeenCalled();
    await schedule.onModuleDestroy();
  });

  it('on shutdown, tells the sweep in flight to stop after its charge, waits for it, and sweeps no more', async () => {
    const fake = fakeReconciler();
    const schedule = new ChargeReconcileSchedule(fake.reconciler, options);
    schedule.onApplicationBootstrap();
    await waitFor(() => fake.sweeps.length === 1, { description: 'a sweep in flight' });
    expect(fake.sweeps[0]()).toBe(false);

    let stopped = false;
    const stopping = schedule.onModuleDestroy().then(() => (stopped = true));
    expect(fake.sweeps[0]()).toBe(true);
    await Promise.resolve();
    expect(stopped).toBe(false);
    fake.release();
    await stopping;
    expect(fake.sweeps).toHaveLength(1);
  });
});
