import { RepeatingTask } from '../repeating-task';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 5) {
    if (waited > 10_000) throw new Error('condition never held');
    await tick(5);
  }
}

describe('RepeatingTask', () => {
  it('runs again after each interval until stopped', async () => {
    let runs = 0;
    const task = new RepeatingTask({ intervalMs: 5, run: async () => void runs++, onError: () => undefined });
    task.start();
    await until(() => runs >= 3);
    await task.stop();
    const afterStop = runs;
    await tick(40);
    expect(runs).toBe(afterStop);
    expect(task.isRunning).toBe(false);
  });

  it('never overlaps runs, and start() while running starts no second loop', async () => {
    let inFlight = 0;
    let most = 0;
    let started = 0;
    const task = new RepeatingTask({
      intervalMs: 1,
      run: async () => {
        started++;
        inFlight++;
        most = Math.max(most, inFlight);
        await tick(10);
        inFlight--;
      },
      onError: () => undefined,
    });
    task.start();
    task.start();
    await until(() => started >= 3);
    await task.stop();
    expect(most).toBe(1);
  });

  it('lets the run in flight finish before stop() resolves, and tells it that it is stopping', async () => {
    const seen: string[] = [];
    let release!: () => void;
    const task = new RepeatingTask({
      intervalMs: 1000,
      run: async (isStopping) => {
        seen.push('started');
        await new Promise<void>((resolve) => (release = resolve));
        seen.push(isStopping() ? 'finished, told to stop' : 'finished');
      },
      onError: () => undefined,
    });
    task.start();
    await tick(5);
    const stopped = task.stop().then(() => seen.push('stopped'));
    await tick(5);
    expect(seen).toEqual(['started']);
    release();
    await stopped;
    expect(seen).toEqual(['started', 'finished, told to stop', 'stopped']);
  });

  it('cuts the pause short on stop()', async () => {
    const task = new RepeatingTask({ intervalMs: 60_000, run: async () => undefined, onError: () => undefined });
    task.start();
    await tick(5);
    let stopped = false;
    void task.stop().then(() => (stopped = true));
    await tick(20);
    expect(stopped).toBe(true);
  });

  it('reports a failed run and keeps going', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const task = new RepeatingTask({
      intervalMs: 2,
      run: async () => {
        runs++;
        if (runs === 1) throw new Error('database away');
      },
      onError: (error) => errors.push(error),
    });
    task.start();
    await until(() => runs >= 2);
    await task.stop();
    expect(errors).toEqual([new Error('database away')]);
  });

  it('waits one interval before the first run when asked to', async () => {
    let runs = 0;
    const task = new RepeatingTask({ intervalMs: 60_000, firstRunAfterInterval: true, run: async () => void runs++, onError: () => undefined });
    task.start();
    await tick(30);
    await task.stop();
    expect(runs).toBe(0);
  });
});
