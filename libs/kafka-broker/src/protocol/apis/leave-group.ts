import { ApiKey } from '../api-keys';
import type { ApiHandler } from './api-handler';

/** LeaveGroup 0-1: removes the member at once and rebalances the rest. */
export const leaveGroupHandler: ApiHandler = {
  key: ApiKey.LeaveGroup,
  name: 'LeaveGroup',
  minVersion: 0,
  maxVersion: 1,
  handle(r, { header, broker }) {
    const groupId = r.string();
    const memberId = r.string();
    const error = broker.groups.leave(groupId, memberId);
    return (w) => {
      if (header.apiVersion >= 1) w.int32(0);
      w.int16(error);
    };
  },
};
