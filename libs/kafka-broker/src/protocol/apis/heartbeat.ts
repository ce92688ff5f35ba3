import { ApiKey } from '../api-keys';
import type { ApiHandler } from './api-handler';

/** Heartbeat 0-1: keeps the member's session alive; REBALANCE_IN_PROGRESS tells it to rejoin. */
export const heartbeatHandler: ApiHandler = {
  key: ApiKey.Heartbeat,
  name: 'Heartbeat',
  minVersion: 0,
  maxVersion: 1,
  handle(r, { header, broker }) {
    const groupId = r.string();
    const generationId = r.int32();
    const memberId = r.string();
    const error = broker.groups.heartbeat(groupId, memberId, generationId);
    return (w) => {
      if (header.apiVersion >= 1) w.int32(0);
      w.int16(error);
    };
  },
};
