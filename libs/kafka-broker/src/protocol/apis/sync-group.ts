import { ApiKey } from '../api-keys';
import type { ApiHandler } from './api-handler';

/** SyncGroup 0-1: the leader hands in assignments; followers wait for theirs. */
export const syncGroupHandler: ApiHandler = {
  key: ApiKey.SyncGroup,
  name: 'SyncGroup',
  minVersion: 0,
  maxVersion: 1,
  async handle(r, { header, broker }) {
    const groupId = r.string();
    const generationId = r.int32();
    const memberId = r.string();
    const assignments = new Map<string, Buffer>();
    r.array((a) => assignments.set(a.string(), Buffer.from(a.bytes())));
    const result = await broker.groups.sync(groupId, memberId, generationId, assignments);
    return (w) => {
      if (header.apiVersion >= 1) w.int32(0);
      w.int16(result.errorCode).nullableBytes(result.assignment);
    };
  },
};
