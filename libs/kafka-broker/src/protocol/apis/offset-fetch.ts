import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler } from './api-handler';

/** OffsetFetch v1: -1 for partitions the group never committed. */
export const offsetFetchHandler: ApiHandler = {
  key: ApiKey.OffsetFetch,
  name: 'OffsetFetch',
  minVersion: 1,
  maxVersion: 1,
  handle(r, { broker }) {
    const groupId = r.string();
    const topics = r.array((t) => ({ name: t.string(), partitions: t.array((p) => p.int32()) }));
    return (w) => {
      w.array(topics, (w2, t) => {
        w2.string(t.name);
        w2.array(t.partitions, (w3, index) => {
          const committed = broker.groups.offsets.get(groupId, t.name, index);
          w3.int32(index).int64(committed?.offset ?? -1).nullableString(committed?.metadata ?? '').int16(ErrorCode.NONE);
        });
      });
    };
  },
};
