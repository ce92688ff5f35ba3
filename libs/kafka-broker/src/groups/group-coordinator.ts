import { ErrorCode } from '../protocol/error-codes';
import { ConsumerGroup, joinError, type GroupEvents, type JoinGroupInput, type JoinGroupResult, type SyncGroupResult } from './consumer-group';
import type { OffsetStore } from './offset-store';

const EMPTY = Buffer.alloc(0);

export interface CommitEntry {
  topic: string;
  partition: number;
  offset: number;
  metadata: string | null;
}

/** All groups of this broker (it coordinates every group) plus their committed offsets. */
export class GroupCoordinator {
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly offsets: OffsetStore,
    private readonly options: { initialRebalanceDelayMs: number; tickMs: number },
    private readonly events: GroupEvents,
  ) {
    this.timer = setInterval(() => this.tick(), options.tickMs);
    this.timer.unref();
  }

  private tick(): void {
    const now = Date.now();
    for (const group of this.groups.values()) group.tick(now);
  }

  get(groupId: string): ConsumerGroup | undefined {
    return this.groups.get(groupId);
  }

  private getOrCreate(groupId: string): ConsumerGroup {
    let group = this.groups.get(groupId);
    if (!group) {
      group = new ConsumerGroup(groupId, this.options.initialRebalanceDelayMs, this.events);
      this.groups.set(groupId, group);
    }
    return group;
  }

  /** Group ids known from membership or from committed offsets. */
  groupIds(): string[] {
    return [...new Set([...this.groups.keys(), ...this.offsets.groups()])].sort();
  }

  join(groupId: string, input: JoinGroupInput): Promise<JoinGroupResult> {
    if (!groupId) return Promise.resolve(joinError(ErrorCode.INVALID_GROUP_ID, input.memberId));
    return this.getOrCreate(groupId).join(input, Date.now());
  }

  sync(groupId: string, memberId: string, generationId: number, assignments: Map<string, Buffer>): Promise<SyncGroupResult> {
    const group = this.groups.get(groupId);
    if (!group) return Promise.resolve({ errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY });
    return group.sync(memberId, generationId, assignments, Date.now());
  }

  heartbeat(groupId: string, memberId: string, generationId: number): number {
    const group = this.groups.get(groupId);
    if (!group) return ErrorCode.UNKNOWN_MEMBER_ID;
    return group.heartbeat(memberId, generationId, Date.now());
  }

  leave(groupId: string, memberId: string): number {
    const group = this.groups.get(groupId);
    if (!group) return ErrorCode.UNKNOWN_MEMBER_ID;
    return group.leave(memberId, Date.now());
  }

  /** Validates the committer, then stores the offsets; returns the error for every entry. */
  async commit(groupId: string, memberId: string, generationId: number, entries: CommitEntry[]): Promise<number> {
    if (!groupId) return ErrorCode.INVALID_GROUP_ID;
    const group = this.groups.get(groupId);
    let error: number;
    if (group) error = group.commitError(memberId, generationId);
    else error = generationId < 0 ? ErrorCode.NONE : ErrorCode.ILLEGAL_GENERATION;
    if (error !== ErrorCode.NONE) return error;
    await this.offsets.commit(groupId, entries);
    return ErrorCode.NONE;
  }

  /** Deletes an empty group and its committed offsets. */
  async deleteGroup(groupId: string): Promise<number> {
    const group = this.groups.get(groupId);
    if (!group && !this.offsets.groups().includes(groupId)) return ErrorCode.GROUP_ID_NOT_FOUND;
    if (group && group.state !== 'Empty') return ErrorCode.NON_EMPTY_GROUP;
    this.groups.delete(groupId);
    await this.offsets.deleteGroup(groupId);
    return ErrorCode.NONE;
  }

  close(): void {
    clearInterval(this.timer);
  }
}
