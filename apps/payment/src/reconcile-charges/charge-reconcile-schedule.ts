import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { RepeatingTask } from '@order-platform/service-kit';
import { ChargeReconciler } from './charge-reconciler';
import { RECONCILE_CHARGES_OPTIONS, type ReconcileChargesOptions } from './reconcile-charges.options';

/**
 * Runs the reconciler's sweep every intervalMs (none when 0). Sweeps never overlap within a
 * replica; across replicas the reconciler's row locks keep them apart. The first sweep waits
 * one interval, so at start the consumers settle what is redelivered to them first.
 */
@Injectable()
export class ChargeReconcileSchedule implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ChargeReconcileSchedule.name);
  private readonly task: RepeatingTask;

  constructor(
    private readonly reconciler: ChargeReconciler,
    @Inject(RECONCILE_CHARGES_OPTIONS) private readonly options: ReconcileChargesOptions,
  ) {
    this.task = new RepeatingTask({
      intervalMs: options.intervalMs,
      firstRunAfterInterval: true,
      run: (isStopping) => this.reconciler.sweep(new Date(), isStopping).then(() => undefined),
      onError: (error) => this.logger.error({ err: error }, 'sweep of charges left attempting failed; retrying at the next one'),
    });
  }

  onApplicationBootstrap(): void {
    if (this.options.intervalMs === 0) {
      this.logger.log('reconciliation of charges left attempting is off (PAYMENT_RECONCILE_INTERVAL_MS=0)');
      return;
    }
    this.start();
  }

  // Before the application shutdown hooks (which close the pool): the charge in flight commits first.
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(): void {
    this.task.start();
  }

  /** Lets the charge in flight commit, then stops; the rest of the sweep waits for the next start. */
  stop(): Promise<void> {
    return this.task.stop();
  }
}
