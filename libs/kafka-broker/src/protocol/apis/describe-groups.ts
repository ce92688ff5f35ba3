import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler } from './api-handler';

const EMPTY = Buffer.alloc(0);

/** DescribeGroups 0-2; an unknown group is reported as Dead, as Kafka does. */
export const describeGroupsHandler: ApiHandler = {
  key: ApiKey.DescribeGroups,
  name: 'DescribeGroups',
  minVersion: 0,
  maxVersion: 2,
  handle(r, { header, broker }) {
    const ids = r.array((x) => x.string());
    const known = new Set(broker.groups.groupIds());
    return (w) => {
      if (header.apiVersion >= 1) w.int32(0);
      w.array(ids, (w2, id) => {
        const group = broker.groups.get(id);
        const state = group?.state ?? (known.has(id) ? 'Empty' : 'Dead');
        w2.int16(ErrorCode.NONE).string(id).string(state);
        w2.string(group?.protocolType ?? '').string(state === 'Stable' || state === 'CompletingRebalance' ? (group?.protocol ?? '') : '');
        const members = group ? [...group.members.values()] : [];
        w2.array(members, (w3, m) => {
          const metadata = m.protocols.find((p) => p.name === group?.protocol)?.metadata ?? EMPTY;
          w3.string(m.id).string(m.clientId).string(m.clientHost).nullableBytes(metadata).nullableBytes(m.assignment);
        });
      });
    };
  },
};
