import { ErrorCode } from '../../protocol/error-codes';
import { ConsumerGroup, type JoinGroupInput, type JoinGroupResult } from '../consumer-group';

const quiet = { info: () => undefined };
const DELAY = 50;

function input(memberId = '', overrides: Partial<JoinGroupInput> = {}): JoinGroupInput {
  return {
    memberId,
    clientId: 'client',
    clientHost: '127.0.0.1',
    sessionTimeoutMs: 1000,
    rebalanceTimeoutMs: 5000,
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: Buffer.from(`meta-${memberId || 'new'}`) }],
    ...overrides,
  };
}

/** Joins two fresh members and completes the first generation. */
async function stableGroupOfTwo(group: ConsumerGroup, now: number, overrides: Partial<JoinGroupInput> = {}) {
  const a = group.join(input('', overrides), now);
  const b = group.join(input('', overrides), now);
  group.tick(now + DELAY);
  const [ja, jb] = await Promise.all([a, b]);
  const leader = ja.leaderId === ja.memberId ? ja : jb;
  const follower = leader === ja ? jb : ja;
  const followerSync = group.sync(follower.memberId, follower.generationId, new Map(), now + DELAY);
  const assignments = new Map([
    [leader.memberId, Buffer.from('L')],
    [follower.memberId, Buffer.from('F')],
  ]);
  const leaderSync = await group.sync(leader.memberId, leader.generationId, assignments, now + DELAY);
  return { leader, follower, leaderSync, followerSync: await followerSync };
}

describe('ConsumerGroup', () => {
  it('waits the initial delay, then forms one generation with both members; only the leader sees metadata', async () => {
    const group = new ConsumerGroup('g', DELAY, quiet);
    let settled = false;
    const a = group.join(input(), 0).then((r) => ((settled = true), r));
    const b = group.join(input(), 10);
    group.tick(20);
    await Promise.resolve();
    expect(settled).toBe(false);
    group.tick(DELAY);
    const [ja, jb] = await Promise.all([a, b]);
    expect(ja.errorCode).toBe(0);
    expect(ja.generationId).toBe(1);
    expect(jb.generationId).toBe(1);
    expect(ja.leaderId).toBe(jb.leaderId);
    const leader = [ja, jb].find((r) => r.memberId === r.leaderId) as JoinGroupResult;
    const follower = [ja, jb].find((r) => r.memberId !== r.leaderId) as JoinGroupResult;
    expect(leader.members.map((m) => m.memberId).sort()).toEqual([ja.memberId, jb.memberId].sort());
    expect(leader.members[0].metadata.toString()).toBe('meta-new');
    expect(follower.members).toEqual([]);
    expect(group.state).toBe('CompletingRebalance');
  });

  it('hands each member the assignment the leader chose; a member the leader left out gets empty bytes', async () => {
    const group = new ConsumerGroup('g', DELAY, quiet);
    const { leaderSync, followerSync } = await stableGroupOfTwo(group, 0);
    expect(leaderSync).toEqual({ errorCode: 0, assignment: Buffer.from('L') });
    expect(followerSync).toEqual({ errorCode: 0, assignment: Buffer.from('F') });
    expect(group.state).toBe('Stable');

    const solo = new ConsumerGroup('h', DELAY, quiet);
    const a = solo.join(input(), 0);
    const b = solo.join(input(), 0);
    solo.tick(DELAY);
    const [ja, jb] = await Promise.all([a, b]);
    const leader = ja.memberId === ja.leaderId ? ja : jb;
    const other = leader === ja ? jb : ja;
    const otherSync = solo.sync(other.memberId, other.generationId, new Map(), 1);
    await solo.sync(leader.memberId, leader.generationId, new Map([[leader.memberId, Buffer.from('all')]]), 1);
    expect((await otherSync).assignment.length).toBe(0);
  });

  it('checks generations and members on heartbeat and sync', async () => {
    const group = new ConsumerGroup('g', DELAY, quiet);
    const { leader } = await stableGroupOfTwo(group, 0);
    expect(group.heartbeat(leader.memberId, leader.generationId, 100)).toBe(ErrorCode.NONE);
    expect(group.heartbeat(leader.memberId, leader.generationId - 1, 100)).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(group.heartbeat('nobody', leader.generationId, 100)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect((await group.sync(leader.memberId, 99, new Map(), 100)).errorCode).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect((await group.join(input('nobody'), 100)).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
  });

  it('rebalances when a member joins a stable group: others get REBALANCE_IN_PROGRESS and rejoin', async () => {
    const group = new ConsumerGroup('g', DELAY, quiet);
    const { leader, follower } = await stableGroupOfTwo(group, 0);
    const third = group.join(input(), 1000);
    expect(group.state).toBe('PreparingRebalance');
    expect(group.heartbeat(leader.memberId, leader.generationId, 1000)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(group.commitError(leader.memberId, leader.generationId)).toBe(ErrorCode.NONE);
    const rejoinLeader = group.join(input(leader.memberId), 1001);
    const rejoinFollower = group.join(input(follower.memberId), 1002);
    const results = await Promise.all([third, rejoinLeader, rejoinFollower]);
    expect(results.map((r) => r.generationId)).toEqual([2, 2, 2]);
    expect(results[1].memberId).toBe(leader.memberId);
    expect(results[1].members).toHaveLength(3);
  });

  it('evicts a member whose session expires and rebalances the rest', async () => {
    const group = new ConsumerGroup('g', DELAY, quiet);
    const { leader, follower } = await stableGroupOfTwo(group, 0);
    group.heartbeat(leader.memberId, leader.generationId, 900);
    group.tick(1100); // follower last seen at 50, session 1000
    expect(group.members.has(follower.memberId)).toBe(false);
    expect(group.state).toBe('PreparingRebalance');
    expect(group.heartbeat(leader.memberId, leader.generationId, 1100)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    const rejoin = await group.join(input(leader.memberId), 1100);
    expect(rejoin.generationId).toBe(2);
    expect(rejoin.members.map((m) => m.memberId)).toEqual([leader.memberId]);
  });

  it('drops members that do not rejoin before the rebalance timeout', async () => {
    const group = new ConsumerGroup('g', DELAY, quiet);
    const long = { sessionTimeoutMs: 60_000 };
    const { leader, follower } = await stableGroupOfTwo(group, 0, long);
    const newcomer = group.join(input('', long), 100);
    group.heartbeat(follower.memberId, follower.generationId, 100);
    const leaderRejoin = group.join(input(leader.memberId, long), 200);
    group.tick(4000);
    expect(group.state).toBe('PreparingRebalance');
    group.tick(5101);
    const [n, l] = await Promise.all([newcomer, leaderRejoin]);
    expect(n.generationId).toBe(2);
    expect(l.members.map((m) => m.memberId).sort()).toEqual([leader.memberId, n.memberId].sort());
    expect(group.members.has(follower.memberId)).toBe(false);
  });

  it('rebalances on leave and becomes Empty when the last member leaves', async () => {
    const group = new ConsumerGroup('g', DELAY, quiet);
    const { leader, follower } = await stableGroupOfTwo(group, 0);
    expect(group.leave(follower.memberId, 100)).toBe(ErrorCode.NONE);
    expect(group.state).toBe('PreparingRebalance');
    const rejoin = await group.join(input(leader.memberId), 100);
    expect(rejoin.members).toHaveLength(1);
    expect(group.leave(leader.memberId, 200)).toBe(ErrorCode.NONE);
    expect(group.state).toBe('Empty');
    expect(group.leave(leader.memberId, 200)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(group.commitError('', -1)).toBe(ErrorCode.NONE);
  });

  it('tells followers waiting in SyncGroup to rejoin when a rebalance starts', async () => {
    const group = new ConsumerGroup('g', DELAY, quiet);
    const a = group.join(input(), 0);
    const b = group.join(input(), 0);
    group.tick(DELAY);
    const [ja, jb] = await Promise.all([a, b]);
    const follower = ja.memberId === ja.leaderId ? jb : ja;
    const waiting = group.sync(follower.memberId, follower.generationId, new Map(), DELAY);
    void group.join(input(), DELAY + 1);
    expect((await waiting).errorCode).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    expect(group.commitError(follower.memberId, follower.generationId)).toBe(ErrorCode.NONE);
  });

  it('refuses a member whose protocols share nothing with the group', async () => {
    const group = new ConsumerGroup('g', 0, quiet);
    void group.join(input(), 0);
    const odd = await group.join(input('', { protocols: [{ name: 'sticky', metadata: Buffer.alloc(0) }] }), 0);
    expect(odd.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    const otherType = await group.join(input('', { protocolType: 'connect' }), 0);
    expect(otherType.errorCode).toBe(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
  });

  it('picks the protocol most members prefer among those all support', async () => {
    const group = new ConsumerGroup('g', DELAY, quiet);
    const both = [
      { name: 'roundrobin', metadata: Buffer.from('r') },
      { name: 'range', metadata: Buffer.from('g') },
    ];
    const a = group.join(input('', { protocols: both }), 0);
    const b = group.join(input('', { protocols: [both[1], both[0]] }), 0);
    const c = group.join(input('', { protocols: [both[1]] }), 0);
    group.tick(DELAY);
    const results = await Promise.all([a, b, c]);
    expect(results.map((r) => r.protocolName)).toEqual(['range', 'range', 'range']);
    const leader = results.find((r) => r.members.length > 0) as JoinGroupResult;
    expect(leader.members.map((m) => m.metadata.toString())).toEqual(['g', 'g', 'g']);
  });
});
