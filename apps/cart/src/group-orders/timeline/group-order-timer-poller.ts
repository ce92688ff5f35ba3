import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RepeatingTask } from '@order-platform/service-kit';
import type { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../clock/clock';
import { ControllableClock } from '../clock/controllable-clock';
import { GROUP_ORDER_TIMER_OPTIONS, type GroupOrderTimerOptions } from './group-order-timeline.tokens';
import { GroupOrderTimelineService } from './group-order-timeline.service';
import type { GroupOrderTimerKind } from './group-order-transitions';

const DEFAULT_BATCH_SIZE = 20;

/**
 * Fires due group-order timers, exactly once across instances and restarts: due rows are
 * claimed with FOR UPDATE SKIP LOCKED (another instance skips them instead of waiting), and
 * each transition, its outbox events and fired_at commit in the claiming transaction. A
 * failing transition rolls back to its savepoint: its timer stays due and is retried at the
 * next poll, while the others of the batch still fire. Polls never overlap.
 */
@Injectable()
export class GroupOrderTimerPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(GroupOrderTimerPoller.name);
  private readonly task: RepeatingTask;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: GroupOrderTimelineService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GROUP_ORDER_TIMER_OPTIONS) private readonly options: GroupOrderTimerOptions,
  ) {
    this.task = new RepeatingTask({
      intervalMs: options.pollMs,
      run: () => this.fireDueTimers().then(() => undefined),
      onError: (error) => this.logger.error({ err: error }, 'group order timer poll failed; retrying at the next poll'),
    });
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  // Before the application shutdown hooks: the DataSource must still be open while the poll in flight finishes.
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(): void {
    this.task.start();
  }

  /** Lets the poll in flight commit, then stops. */
  stop(): Promise<void> {
    return this.task.stop();
  }

  /** Fires every timer due now (batch after batch); returns how many fired. */
  async fireDueTimers(): Promise<number> {
    if (this.clock instanceof ControllableClock) await this.clock.refresh(); // another instance may have moved the time
    const batchSize = this.options.batchSize ?? DEFAULT_BATCH_SIZE;
    let fired = 0;
    for (;;) {
      const batch = await this.fireBatch(this.clock.now(), batchSize);
      fired += batch.fired;
      // A batch with failures stops the round: its timers wait for the next poll instead of spinning.
      if (batch.claimed < batchSize || batch.failed > 0) return fired;
    }
  }

  private async fireBatch(now: Date, batchSize: number): Promise<{ claimed: number; fired: number; failed: number }> {
    return this.dataSource.transaction(async (manager) => {
      const due: Array<{ group_order_id: string; kind: GroupOrderTimerKind }> = await manager.query(
        `SELECT group_order_id, kind FROM group_order_timers
          WHERE fired_at IS NULL AND due_at <= $1
          ORDER BY due_at
          FOR UPDATE SKIP LOCKED
          LIMIT $2`,
        [now, batchSize],
      );
      let fired = 0;
      for (const timer of due) {
        const groupOrderId = String(timer.group_order_id);
        await manager.query('SAVEPOINT group_order_timer');
        try {
          const transition = await this.timeline.fireTimer(manager, groupOrderId, timer.kind, now);
          await manager.query(`UPDATE group_order_timers SET fired_at = $3 WHERE group_order_id = $1 AND kind = $2`, [groupOrderId, timer.kind, now]);
          await manager.query('RELEASE SAVEPOINT group_order_timer');
          fired += 1;
          this.logger.log({ groupOrderId, timer: timer.kind, transition }, `group order ${groupOrderId}: ${timer.kind} timer fired (${transition})`);
        } catch (error) {
          await manager.query('ROLLBACK TO SAVEPOINT group_order_timer');
          this.logger.error({ err: error, groupOrderId, timer: timer.kind }, `group order ${groupOrderId}: ${timer.kind} timer failed; it stays due and is retried`);
        }
      }
      return { claimed: due.length, fired, failed: due.length - fired };
    });
  }
}
