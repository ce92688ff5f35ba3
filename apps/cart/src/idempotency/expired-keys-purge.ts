import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RepeatingTask } from '@order-platform/service-kit';
import { IdempotentRequests } from './idempotent-requests';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Expired keys no longer answer anything; without this their rows would stay until the same
 * key came back. Hourly is plenty: an expired row only costs space.
 */
@Injectable()
export class ExpiredKeysPurge implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ExpiredKeysPurge.name);
  private readonly task: RepeatingTask;

  constructor(requests: IdempotentRequests) {
    this.task = new RepeatingTask({
      intervalMs: HOUR_MS,
      firstRunAfterInterval: true,
      run: async () => {
        const purged = await requests.purgeExpired();
        if (purged > 0) this.logger.log({ purged }, `purged ${purged} expired Idempotency-Key records`);
      },
      onError: (error) => this.logger.error({ err: error }, 'purging expired Idempotency-Key records failed; retrying in an hour'),
    });
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.task.stop();
  }
}
