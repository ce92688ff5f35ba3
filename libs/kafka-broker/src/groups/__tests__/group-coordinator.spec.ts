import { ErrorCode } from '../../protocol/error-codes';
import { GroupCoordinator } from '../group-coordinator';
import { OffsetStore } from '../offset-store';

describe('GroupCoordinator', () => {
  let coordinator: GroupCoordinator;
  beforeEach(() => {
    coordinator = new GroupCoordinator(new OffsetStore(null, false), { initialRebalanceDelayMs: 0, tickMs: 10 }, { info: () => undefined });
  });
  afterEach(() => coordinator.close());

  const join = (groupId: string) =>
    coordinator.join(groupId, {
      memberId: '',
      clientId: 'c',
      clientHost: 'h',
      sessionTimeoutMs: 10_000,
      rebalanceTimeoutMs: 10_000,
      protocolType: 'consumer',
      protocols: [{ name: 'range', metadata: Buffer.alloc(0) }],
    });

  it('accepts simple commits (generation -1) for groups without members, and checks members otherwise', async () => {
    const entry = [{ topic: 't', partition: 0, offset: 7, metadata: null }];
    expect(await coordinator.commit('admin-group', '', -1, entry)).toBe(ErrorCode.NONE);
    expect(coordinator.offsets.get('admin-group', 't', 0)?.offset).toBe(7);
    expect(await coordinator.commit('unknown', 'm', 3, entry)).toBe(ErrorCode.ILLEGAL_GENERATION);
    const joined = await join('live');
    expect(await coordinator.commit('live', 'someone-else', joined.generationId, entry)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(await coordinator.commit('live', joined.memberId, joined.generationId + 1, entry)).toBe(ErrorCode.ILLEGAL_GENERATION);
    expect(await coordinator.commit('live', joined.memberId, joined.generationId, entry)).toBe(ErrorCode.REBALANCE_IN_PROGRESS);
    await coordinator.sync('live', joined.memberId, joined.generationId, new Map());
    expect(await coordinator.commit('live', joined.memberId, joined.generationId, entry)).toBe(ErrorCode.NONE);
  });

  it('deletes only empty groups, with their offsets', async () => {
    await coordinator.commit('old', '', -1, [{ topic: 't', partition: 0, offset: 1, metadata: null }]);
    const joined = await join('busy');
    expect(await coordinator.deleteGroup('busy')).toBe(ErrorCode.NON_EMPTY_GROUP);
    expect(await coordinator.deleteGroup('missing')).toBe(ErrorCode.GROUP_ID_NOT_FOUND);
    expect(await coordinator.deleteGroup('old')).toBe(ErrorCode.NONE);
    expect(coordinator.groupIds()).toEqual(['busy']);
    coordinator.leave('busy', joined.memberId);
    expect(await coordinator.deleteGroup('busy')).toBe(ErrorCode.NONE);
    expect(coordinator.groupIds()).toEqual([]);
  });

  it('answers unknown groups with UNKNOWN_MEMBER_ID on heartbeat, sync and leave', async () => {
    expect(coordinator.heartbeat('nope', 'm', 1)).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect(coordinator.leave('nope', 'm')).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect((await coordinator.sync('nope', 'm', 1, new Map())).errorCode).toBe(ErrorCode.UNKNOWN_MEMBER_ID);
    expect((await coordinator.join('', { memberId: '', clientId: 'c', clientHost: 'h', sessionTimeoutMs: 1, rebalanceTimeoutMs: 1, protocolType: 'consumer', protocols: [] })).errorCode).toBe(
      ErrorCode.INVALID_GROUP_ID,
    );
  });
});
