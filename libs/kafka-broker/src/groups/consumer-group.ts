import { randomUUID } from 'node:crypto';
import { ErrorCode } from '../protocol/error-codes';

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

export interface GroupProtocol {
  name: string;
  metadata: Buffer;
}

export interface JoinGroupInput {
  memberId: string;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: GroupProtocol[];
}

export interface JoinGroupResult {
  errorCode: number;
  generationId: number;
  protocolName: string;
  leaderId: string;
  memberId: string;
  members: { memberId: string; metadata: Buffer }[];
}

export interface SyncGroupResult {
  errorCode: number;
  assignment: Buffer;
}

export interface GroupMember {
  id: string;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocols: GroupProtocol[];
  assignment: Buffer;
  lastSeen: number;
  awaitingJoin?: (result: JoinGroupResult) => void;
  awaitingSync?: (result: SyncGroupResult) => void;
}

const EMPTY = Buffer.alloc(0);

export function joinError(errorCode: number, memberId: string): JoinGroupResult {
  return { errorCode, generationId: -1, protocolName: '', leaderId: '', memberId, members: [] };
}

export interface GroupEvents {
  info(msg: string, ctx?: object): void;
}

/**
 * One consumer group's membership state machine (the classic Kafka group protocol):
 * Empty -> PreparingRebalance (collect JoinGroups) -> CompletingRebalance (await the leader's
 * SyncGroup) -> Stable, back to PreparingRebalance on any join, leave or expiry.
 */
export class ConsumerGroup {
  state: GroupState = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocol: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, GroupMember>();
  private rebalanceDeadline = 0;
  private joinNotBefore = 0;

  constructor(
    readonly groupId: string,
    private readonly initialRebalanceDelayMs: number,
    private readonly events: GroupEvents,
  ) {}

  join(input: JoinGroupInput, now: number): Promise<JoinGroupResult> {
    if (input.protocols.length === 0 || !input.protocolType) {
      return Promise.resolve(joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, input.memberId));
    }
    if (this.members.size > 0 && !this.accepts(input)) {
      return Promise.resolve(joinError(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, input.memberId));
    }
    let member: GroupMember | undefined;
    if (input.memberId === '') {
      member = {
        id: `${input.clientId}-${randomUUID()}`,
        clientId: input.clientId,
        clientHost: input.clientHost,
        sessionTimeoutMs: input.sessionTimeoutMs,
        rebalanceTimeoutMs: input.rebalanceTimeoutMs,
        protocols: input.protocols,
        assignment: EMPTY,
        lastSeen: now,
      };
      if (this.members.size === 0) this.protocolType = input.protocolType;
      this.members.set(member.id, member);
      this.events.info('member joined group', { groupId: this.groupId, memberId: member.id });
    } else {
      member = this.members.get(input.memberId);
      if (!member) return Promise.resolve(joinError(ErrorCode.UNKNOWN_MEMBER_ID, input.memberId));
      member.protocols = input.protocols;
      member.sessionTimeoutMs = input.sessionTimeoutMs;
      member.rebalanceTimeoutMs = input.rebalanceTimeoutMs;
      member.lastSeen = now;
    }
    const joining = member;
    return new Promise<JoinGroupResult>((resolve) => {
      // A second JoinGroup from the same member replaces the first; answer the first too.
      joining.awaitingJoin?.(joinError(ErrorCode.REBALANCE_IN_PROGRESS, joining.id));
      joining.awaitingJoin = resolve;
      this.prepareRebalance(now);
      this.tryCompleteJoin(now);
    });
  }

  private accepts(input: JoinGroupInput): boolean {
    if (input.protocolType !== this.protocolType) return false;
    const names = new Set(input.protocols.map((p) => p.name));
    for (const other of this.members.values()) {
      if (other.id === input.memberId) continue;
      if (!other.protocols.some((p) => names.has(p.name))) return false;
    }
    return true;
  }

  private prepareRebalance(now: number): void {
    if (this.state === 'PreparingRebalance') return;
    if (this.state === 'CompletingRebalance') this.failPendingSyncs();
    const fromEmpty = this.state === 'Empty';
    this.state = 'PreparingRebalance';
    let timeout = 0;
    for (const m of this.members.values()) timeout = Math.max(timeout, m.rebalanceTimeoutMs);
    this.rebalanceDeadline = now + timeout;
    // A short delay on a fresh group lets members started together land in one generation.
    this.joinNotBefore = fromEmpty ? now + this.initialRebalanceDelayMs : now;
  }

  private failPendingSyncs(): void {
    for (const m of this.members.values()) {
      const waiter = m.awaitingSync;
      m.awaitingSync = undefined;
      waiter?.({ errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY });
    }
  }

  /** Completes the join phase once every known member rejoined, or the deadline passed. */
  tryCompleteJoin(now: number): void {
    if (this.state !== 'PreparingRebalance' || now < this.joinNotBefore) return;
    const waiting = [...this.members.values()].filter((m) => m.awaitingJoin);
    if (waiting.length < this.members.size) {
      if (now < this.rebalanceDeadline) return;
      for (const m of this.members.values()) {
        if (!m.awaitingJoin) this.removeMember(m, 'did not rejoin before the rebalance timeout');
      }
    }
    this.completeJoin(now);
  }

  private completeJoin(now: number): void {
    this.generationId++;
    if (this.members.size === 0) {
      this.state = 'Empty';
      this.protocol = null;
      this.leaderId = null;
      this.protocolType = null;
      return;
    }
    const protocol = this.selectProtocol();
    this.protocol = protocol;
    if (!this.leaderId || !this.members.has(this.leaderId)) this.leaderId = this.members.keys().next().value ?? null;
    this.state = 'CompletingRebalance';
    const all = [...this.members.values()].map((m) => ({
      memberId: m.id,
      metadata: m.protocols.find((p) => p.name === protocol)?.metadata ?? EMPTY,
    }));
    this.events.info('group rebalanced', { groupId: this.groupId, generationId: this.generationId, members: all.length });
    for (const m of this.members.values()) {
      const waiter = m.awaitingJoin;
      m.awaitingJoin = undefined;
      m.assignment = EMPTY;
      m.lastSeen = now;
      waiter?.({
        errorCode: ErrorCode.NONE,
        generationId: this.generationId,
        protocolName: protocol,
        leaderId: this.leaderId ?? '',
        memberId: m.id,
        members: m.id === this.leaderId ? all : [],
      });
    }
  }

  /** Every member votes for its most preferred protocol that all members support. */
  private selectProtocol(): string {
    const members = [...this.members.values()];
    const candidates = members[0].protocols
      .map((p) => p.name)
      .filter((name) => members.every((m) => m.protocols.some((p) => p.name === name)));
    const votes = new Map<string, number>();
    for (const m of members) {
      const choice = m.protocols.find((p) => candidates.includes(p.name));
      if (choice) votes.set(choice.name, (votes.get(choice.name) ?? 0) + 1);
    }
    let best = candidates[0];
    for (const name of candidates) if ((votes.get(name) ?? 0) > (votes.get(best) ?? 0)) best = name;
    return best;
  }

  sync(memberId: string, generationId: number, assignments: Map<string, Buffer>, now: number): Promise<SyncGroupResult> {
    const member = this.members.get(memberId);
    if (!member) return Promise.resolve({ errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY });
    if (generationId !== this.generationId) return Promise.resolve({ errorCode: ErrorCode.ILLEGAL_GENERATION, assignment: EMPTY });
    if (this.state === 'PreparingRebalance') return Promise.resolve({ errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY });
    member.lastSeen = now;
    if (this.state === 'Stable') return Promise.resolve({ errorCode: ErrorCode.NONE, assignment: member.assignment });
    if (memberId === this.leaderId) {
      for (const m of this.members.values()) m.assignment = assignments.get(m.id) ?? EMPTY;
      this.state = 'Stable';
      for (const m of this.members.values()) {
        const waiter = m.awaitingSync;
        m.awaitingSync = undefined;
        waiter?.({ errorCode: ErrorCode.NONE, assignment: m.assignment });
      }
      return Promise.resolve({ errorCode: ErrorCode.NONE, assignment: member.assignment });
    }
    return new Promise<SyncGroupResult>((resolve) => {
      member.awaitingSync?.({ errorCode: ErrorCode.REBALANCE_IN_PROGRESS, assignment: EMPTY });
      member.awaitingSync = resolve;
    });
  }

  heartbeat(memberId: string, generationId: number, now: number): number {
    const member = this.members.get(memberId);
    if (!member) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== this.generationId) return ErrorCode.ILLEGAL_GENERATION;
    member.lastSeen = now;
    if (this.state === 'PreparingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
    return ErrorCode.NONE;
  }

  leave(memberId: string, now: number): number {
    const member = this.members.get(memberId);
    if (!member) return ErrorCode.UNKNOWN_MEMBER_ID;
    this.removeMember(member, 'left the group');
    this.rebalanceAfterRemoval(now);
    return ErrorCode.NONE;
  }

  /** Whether an OffsetCommit from this member/generation may be applied. */
  commitError(memberId: string, generationId: number): number {
    if (generationId < 0 && memberId === '') {
      return this.state === 'Empty' ? ErrorCode.NONE : ErrorCode.UNKNOWN_MEMBER_ID;
    }
    if (!this.members.has(memberId)) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (generationId !== this.generationId) return ErrorCode.ILLEGAL_GENERATION;
    if (this.state === 'CompletingRebalance') return ErrorCode.REBALANCE_IN_PROGRESS;
    return ErrorCode.NONE;
  }

  /** Session expiry and rebalance deadlines; called periodically. */
  tick(now: number): void {
    let expired = false;
    for (const m of [...this.members.values()]) {
      if (!m.awaitingJoin && now - m.lastSeen > m.sessionTimeoutMs) {
        this.removeMember(m, 'session timed out');
        expired = true;
      }
    }
    if (expired) this.rebalanceAfterRemoval(now);
    this.tryCompleteJoin(now);
  }

  private removeMember(member: GroupMember, reason: string): void {
    this.members.delete(member.id);
    this.events.info('member removed from group', { groupId: this.groupId, memberId: member.id, reason });
    member.awaitingJoin?.(joinError(ErrorCode.UNKNOWN_MEMBER_ID, member.id));
    member.awaitingSync?.({ errorCode: ErrorCode.UNKNOWN_MEMBER_ID, assignment: EMPTY });
    member.awaitingJoin = undefined;
    member.awaitingSync = undefined;
  }

  private rebalanceAfterRemoval(now: number): void {
    if (this.state === 'Empty') return;
    this.prepareRebalance(now);
    this.tryCompleteJoin(now);
  }
}
