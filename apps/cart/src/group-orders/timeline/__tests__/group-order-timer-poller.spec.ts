import type { DataSource } from 'typeorm';
import type { Clock } from '../../clock/clock';
import type { GroupOrderTimelineService } from '../group-order-timeline.service';
import { GroupOrderTimerPoller } from '../group-order-timer-poller';

/** A DataSource whose transactions find one due timer and take `ms`; it records how many ran at once. */
function slowDataSource(ms: number) {
  const stats = { running: 0, maxRunning: 0, transactions: 0, statements: [] as string[] };
  const manager = {
    query: async (statement: string) => {
      stats.statements.push(statement.trim().split(/\s+/)[0]);
      return statement.includes('FROM group_order_timers') ? [{ group_order_id: '1', kind: 'CLOSE' }] : [];
    },
  };
  const dataSource = {
    transaction: async <T>(work: (m: typeof manager) => Promise<T>): Promise<T> => {
      stats.running += 1;
      stats.transactions += 1;
      stats.maxRunning = Math.max(stats.maxRunning, stats.running);
      try {
        await new Promise((resolve) => setTimeout(resolve, ms));
        return await work(manager);
      } finally {
        stats.running -= 1;
      }
    },
  };
  return { dataSource: dataSource as unknown as DataSource, stats };
}

const clock: Clock = { now: () => new Date('2025-01-30T16:00:00Z') };

describe('group order timer poller', () => {
  it('never overlaps itself and lets the poll in flight finish on stop', async () => {
    const { dataSource, stats } = slowDataSource(30);
    const fired: string[] = [];
    const timeline = { fireTimer: async (_m: unknown, id: string, kind: string) => (fired.push(`${id}:${kind}`), 'close') } as unknown as GroupOrderTimelineService;
    const poller = new GroupOrderTimerPoller(dataSource, timeline, clock, { pollMs: 1, batchSize: 5 });

    poller.start();
    poller.start(); // a second start is ignored
    await new Promise((resolve) => setTimeout(resolve, 200));
    await poller.stop();
    const afterStop = stats.transactions;
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(stats.maxRunning).toBe(1);
    expect(stats.transactions).toBeGreaterThan(2);
    expect(stats.running).toBe(0);
    expect(stats.transactions).toBe(afterStop);
    expect(fired.length).toBe(stats.transactions);
  });

  it('rolls a failing transition back to its savepoint and keeps the timer due', async () => {
    const { dataSource, stats } = slowDataSource(0);
    const timeline = {
      fireTimer: async () => {
        throw new Error('boom');
      },
    } as unknown as GroupOrderTimelineService;
    const poller = new GroupOrderTimerPoller(dataSource, timeline, clock, { pollMs: 1000 });

    expect(await poller.fireDueTimers()).toBe(0);
    expect(stats.statements).toEqual(['SELECT', 'SAVEPOINT', 'ROLLBACK']);
  });
});
