import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { RestartPolicy } from '../restart-policy';
import { ChildHandle, ProcessSpec, Supervisor } from '../supervisor';

class FakeChild extends EventEmitter implements ChildHandle {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly signals: string[] = [];
  constructor(readonly pid: number, private readonly ignoresSigterm = false) {
    super();
  }
  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    this.signals.push(signal);
    if (signal === 'SIGKILL' || !this.ignoresSigterm) setImmediate(() => this.die(null, signal));
    return true;
  }
  die(code: number | null, signal: NodeJS.Signals | null = null): void {
    this.emit('exit', code, signal);
  }
}

const policy: RestartPolicy = { initialDelayMs: 1000, factor: 2, maxDelayMs: 4000, stableAfterMs: 30000 };
const spec = (name: string): ProcessSpec => ({ name, command: 'node', args: [], env: {} });

function harness(names: string[], ignoresSigterm = false) {
  const children: Record<string, FakeChild[]> = {};
  let nextPid = 100;
  const notices: string[] = [];
  const supervisor = new Supervisor(names.map(spec), {
    policy,
    stopTimeoutMs: 5000,
    onNotice: (message) => notices.push(message),
    spawn: (processSpec) => {
      const child = new FakeChild(nextPid++, ignoresSigterm);
      (children[processSpec.name] ??= []).push(child);
      return child;
    },
  });
  return { supervisor, children, notices };
}

describe('Supervisor restart and backoff', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] }));
  afterEach(() => jest.useRealTimers());

  it('restarts only the service that died, after the initial delay, and says so', () => {
    const { supervisor, children, notices } = harness(['cart', 'billing']);
    supervisor.start();
    children.cart[0].die(null, 'SIGKILL');

    expect(notices).toEqual(['cart exited (signal SIGKILL); restarting in 1s']);
    expect(supervisor.status().find((s) => s.name === 'cart')).toMatchObject({ state: 'restarting', restarts: 1, pid: undefined });
    jest.advanceTimersByTime(999);
    expect(children.cart).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(children.cart).toHaveLength(2);
    expect(children.billing).toHaveLength(1);
    expect(children.billing[0].signals).toEqual([]);
    expect(supervisor.status()).toEqual([
      expect.objectContaining({ name: 'cart', state: 'running', pid: children.cart[1].pid, restarts: 1 }),
      expect.objectContaining({ name: 'billing', state: 'running', pid: children.billing[0].pid, restarts: 0 }),
    ]);
  });

  it('doubles the delay on consecutive crashes up to the ceiling', () => {
    const { supervisor, children, notices } = harness(['payment']);
    supervisor.start();
    const delays: string[] = [];
    for (let crash = 0; crash < 5; crash++) {
      children.payment[crash].die(1);
      delays.push(notices[crash].replace(/.*restarting in /, ''));
      jest.advanceTimersByTime(4000);
    }
    expect(notices[0]).toBe('payment exited (code 1); restarting in 1s');
    expect(delays).toEqual(['1s', '2s', '4s', '4s', '4s']);
    expect(children.payment).toHaveLength(6);
  });

  it('starts the backoff over once a process stayed up for the stable period', () => {
    const { supervisor, children, notices } = harness(['email']);
    supervisor.start();
    children.email[0].die(1);
    jest.advanceTimersByTime(1000);
    children.email[1].die(1);
    jest.advanceTimersByTime(2000);
    jest.advanceTimersByTime(30000); // third process stays up
    children.email[2].die(1);
    expect(notices.map((n) => n.replace(/.*restarting in /, ''))).toEqual(['1s', '2s', '1s']);
  });

  it('stops with SIGTERM, escalates to SIGKILL after the timeout, and never restarts while stopping', async () => {
    const { supervisor, children, notices } = harness(['gateway', 'shipment'], true);
    supervisor.start();
    children.shipment[0].die(1); // pending restart must be cancelled
    const stopped = supervisor.stop();
    expect(children.gateway[0].signals).toEqual(['SIGTERM']);
    await jest.advanceTimersByTimeAsync(5000);
    await stopped;
    expect(children.gateway[0].signals).toEqual(['SIGTERM', 'SIGKILL']);
    expect(notices).toContain('gateway did not stop within 5000ms; killing it');
    jest.advanceTimersByTime(60000);
    expect(children.shipment).toHaveLength(1);
    expect(supervisor.status().map((s) => s.state)).toEqual(['stopped', 'stopped']);
  });

  it('keeps the last output lines of each service', async () => {
    const { supervisor, children } = harness(['cart']);
    supervisor.start();
    children.cart[0].stdout.write('first\nsecond\n');
    children.cart[0].stderr.write('boom\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(supervisor.recentLines('cart')).toEqual(['first', 'second', 'boom']);
  });

  it('treats a spawn error as a crash', () => {
    const { supervisor, children, notices } = harness(['billing']);
    supervisor.start();
    children.billing[0].emit('error', new Error('spawn node ENOENT'));
    expect(notices).toEqual(['billing failed to start: spawn node ENOENT; restarting in 1s']);
  });
});
