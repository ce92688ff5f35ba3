import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { crashesAfterExit, DEFAULT_RESTART_POLICY, RestartPolicy, restartDelayMs } from './restart-policy';

/** What it takes to run one service as a child process. */
export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
}

/** The part of ChildProcess the supervisor uses, so tests can hand it fakes. */
export interface ChildHandle {
  readonly pid?: number;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  kill(signal?: NodeJS.Signals): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  once(event: 'error', listener: (error: Error) => void): unknown;
}

export type ChildFactory = (spec: ProcessSpec) => ChildHandle;

export type ServiceState = 'running' | 'restarting' | 'stopping' | 'stopped';

export interface ServiceStatus {
  name: string;
  pid?: number;
  state: ServiceState;
  restarts: number;
  startedAt?: number;
}

export interface SupervisorOptions {
  spawn?: ChildFactory;
  policy?: RestartPolicy;
  /** Time a service gets to exit after SIGTERM before SIGKILL. */
  stopTimeoutMs?: number;
  onOutput?: (service: string, line: string, stream: 'stdout' | 'stderr') => void;
  /** Supervisor's own messages, e.g. "cart exited (signal SIGKILL); restarting in 1s". */
  onNotice?: (message: string) => void;
  /** Called whenever a service starts, exits or stops (for the status file). */
  onChange?: (status: ServiceStatus[]) => void;
  recentLineCount?: number;
}

interface Slot {
  spec: ProcessSpec;
  child?: ChildHandle;
  exited?: Promise<void>;
  state: ServiceState;
  restarts: number;
  crashes: number;
  startedAt?: number;
  restartTimer?: NodeJS.Timeout;
  recent: string[];
}

export const spawnNodeProcess: ChildFactory = (spec) =>
  spawn(spec.command, spec.args, { env: spec.env, cwd: spec.cwd, stdio: ['ignore', 'pipe', 'pipe'] });

/** Runs each service as a child process, restarts the ones that die (with backoff) and stops them all in order. */
export class Supervisor {
  private readonly slots = new Map<string, Slot>();
  private readonly spawnChild: ChildFactory;
  private readonly policy: RestartPolicy;
  private stopping = false;

  constructor(specs: ProcessSpec[], private readonly options: SupervisorOptions = {}) {
    this.spawnChild = options.spawn ?? spawnNodeProcess;
    this.policy = options.policy ?? DEFAULT_RESTART_POLICY;
    for (const spec of specs) this.slots.set(spec.name, { spec, state: 'stopped', restarts: 0, crashes: 0, recent: [] });
  }

  start(): void {
    for (const slot of this.slots.values()) this.launch(slot);
  }

  status(): ServiceStatus[] {
    return [...this.slots.values()].map((slot) => ({
      name: slot.spec.name,
      pid: slot.state === 'running' || slot.state === 'stopping' ? slot.child?.pid : undefined,
      state: slot.state,
      restarts: slot.restarts,
      startedAt: slot.startedAt,
    }));
  }

  /** The last lines a service printed, to explain why it is not ready. */
  recentLines(name: string): string[] {
    return [...(this.slots.get(name)?.recent ?? [])];
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const timeoutMs = this.options.stopTimeoutMs ?? 10000;
    await Promise.all(
      [...this.slots.values()].map(async (slot) => {
        clearTimeout(slot.restartTimer);
        if (slot.state !== 'running' || !slot.child || !slot.exited) {
          slot.state = 'stopped';
          return;
        }
        slot.state = 'stopping';
        slot.child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const killed = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
        if ((await Promise.race([slot.exited, killed])) === 'timeout') {
          this.notice(`${slot.spec.name} did not stop within ${timeoutMs}ms; killing it`);
          slot.child.kill('SIGKILL');
          await slot.exited;
        }
        clearTimeout(timer);
      }),
    );
    this.changed();
  }

  private launch(slot: Slot): void {
    slot.restartTimer = undefined;
    if (this.stopping) return;
    const child = this.spawnChild(slot.spec);
    slot.child = child;
    slot.state = 'running';
    slot.startedAt = Date.now();
    this.capture(slot, child.stdout, 'stdout');
    this.capture(slot, child.stderr, 'stderr');
    slot.exited = new Promise<void>((resolve) => {
      let done = false;
      const finish = (code: number | null, signal: NodeJS.Signals | null, error?: Error): void => {
        if (done) return;
        done = true;
        resolve();
        this.exited(slot, child, code, signal, error);
      };
      child.once('exit', (code, signal) => finish(code, signal));
      child.once('error', (error) => finish(null, null, error));
    });
    this.changed();
  }

  private exited(slot: Slot, child: ChildHandle, code: number | null, signal: NodeJS.Signals | null, error?: Error): void {
    if (slot.child !== child) return;
    if (this.stopping) {
      slot.state = 'stopped';
      this.changed();
      return;
    }
    const uptimeMs = Date.now() - (slot.startedAt ?? Date.now());
    slot.crashes = crashesAfterExit(slot.crashes, uptimeMs, this.policy);
    const delayMs = restartDelayMs(slot.crashes, this.policy);
    const cause = error ? `failed to start: ${error.message}` : signal ? `exited (signal ${signal})` : `exited (code ${code})`;
    this.notice(`${slot.spec.name} ${cause}; restarting in ${formatSeconds(delayMs)}`);
    slot.state = 'restarting';
    slot.restarts += 1;
    slot.restartTimer = setTimeout(() => this.launch(slot), delayMs);
    this.changed();
  }

  private capture(slot: Slot, stream: Readable | null, name: 'stdout' | 'stderr'): void {
    if (!stream) return;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      slot.recent.push(line);
      if (slot.recent.length > (this.options.recentLineCount ?? 20)) slot.recent.shift();
      this.options.onOutput?.(slot.spec.name, line, name);
    });
  }

  private notice(message: string): void {
    this.options.onNotice?.(message);
  }

  private changed(): void {
    this.options.onChange?.(this.status());
  }
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)}s`;
}
