export interface RepeatingTaskOptions {
  /** Pause between the end of one run and the start of the next. */
  intervalMs: number;
  /** Wait one interval before the first run (e.g. let consumers settle redeliveries first). */
  firstRunAfterInterval?: boolean;
  /** One run; `isStopping` lets a long run end early at a safe point. */
  run: (isStopping: () => boolean) => Promise<void>;
  /** A failed run is reported here and the next run happens as usual. */
  onError: (error: unknown) => void;
}

/**
 * A background loop for pollers and sweeps. Runs never overlap within a process; stop() cancels
 * the pause at once but lets a run in flight finish, so its transaction commits before the
 * service closes its database pool (call it from onModuleDestroy).
 */
export class RepeatingTask {
  private running = false;
  private loop?: Promise<void>;
  private interrupt?: () => void;

  constructor(private readonly options: RepeatingTaskOptions) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.repeat();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.interrupt?.();
    await this.loop;
    this.loop = undefined;
  }

  private async repeat(): Promise<void> {
    if (this.options.firstRunAfterInterval) await this.pause();
    while (this.running) {
      try {
        await this.options.run(() => !this.running);
      } catch (error) {
        this.options.onError(error);
      }
      if (this.running) await this.pause();
    }
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.intervalMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.interrupt = done;
    });
  }
}
