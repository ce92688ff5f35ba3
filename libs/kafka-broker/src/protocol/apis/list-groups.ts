import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler } from './api-handler';

/** ListGroups 0-2, including groups that only have committed offsets. */
export const listGroupsHandler: ApiHandler = {
  key: ApiKey.ListGroups,
  name: 'ListGroups',
  minVersion: 0,
  maxVersion: 2,
  handle(_r, { header, broker }) {
    const groups = broker.groups.groupIds().map((id) => ({ id, protocolType: broker.groups.get(id)?.protocolType ?? 'consumer' }));
    return (w) => {
      if (header.apiVersion >= 1) w.int32(0);
      w.int16(ErrorCode.NONE);
      w.array(groups, (w2, g) => w2.string(g.id).string(g.protocolType));
    };
  },
};
