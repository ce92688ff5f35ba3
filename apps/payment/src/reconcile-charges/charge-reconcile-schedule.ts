import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
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
  private running = false;
  private loop?: Promise<void>;
  private interrupt?: () => void;

  constructor(
    private readonly reconciler: ChargeReconciler,
    @Inject(RECONCILE_CHARGES_OPTIONS) private readonly options: ReconcileChargesOptions,
  ) {}

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
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Lets the charge in flight commit, then stops; the rest of the sweep waits for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.interrupt?.();
    await this.loop;
    this.loop = undefined;
  }

  private async run(): Promise<void> {
    while (this.running) {
      await this.sleep(this.options.intervalMs);
      if (!this.running) return;
      try {
        await this.reconciler.sweep(new Date(), () => !this.running);
      } catch (error) {
        this.logger.error({ err: error }, 'sweep of charges left attempting failed; retrying at the next one');
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.interrupt = done;
    });
  }
}
