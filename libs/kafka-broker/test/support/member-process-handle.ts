import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { GroupMember } from './consumer-harness';

export interface MemberProcessOptions {
  brokers: string[];
  topic: string;
  groupId: string;
  sessionTimeoutMs: number;
}

// Parent-side view of member-process.ts: its latest assignment and the records it read.
export class MemberProcessHandle implements GroupMember {
  private partitions: number[] = [];
  readonly values: string[] = [];
  stderr = '';
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly topic: string,
  ) {
    let buffered = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) this.onLine(line);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  static spawn(options: MemberProcessOptions): MemberProcessHandle {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'member-process.ts')], {
      env: {
        ...process.env,
        MEMBER_BROKERS: options.brokers.join(','),
        MEMBER_TOPIC: options.topic,
        MEMBER_GROUP: options.groupId,
        MEMBER_SESSION_TIMEOUT_MS: String(options.sessionTimeoutMs),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new MemberProcessHandle(child, options.topic);
  }

  partitionsOf(topic: string): number[] {
    return topic === this.topic ? [...this.partitions].sort((a, b) => a - b) : [];
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(): Promise<void> {
    if (this.alive) this.child.kill('SIGKILL');
    await this.exited;
  }

  private onLine(line: string): void {
    if (!line.trim()) return;
    const event = JSON.parse(line) as { event: string; partitions?: number[]; value?: string };
    if (event.event === 'assigned') this.partitions = event.partitions ?? [];
    if (event.event === 'message' && event.value !== undefined) this.values.push(event.value);
  }
}
