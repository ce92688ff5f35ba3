import { ApiKey } from '../api-keys';
import type { ApiHandler } from './api-handler';

/** JoinGroup 0-2: parked in the coordinator until the rebalance's join phase completes. */
export const joinGroupHandler: ApiHandler = {
  key: ApiKey.JoinGroup,
  name: 'JoinGroup',
  minVersion: 0,
  maxVersion: 2,
  async handle(r, { header, broker, clientHost }) {
    const version = header.apiVersion;
    const groupId = r.string();
    const sessionTimeoutMs = r.int32();
    const rebalanceTimeoutMs = version >= 1 ? r.int32() : sessionTimeoutMs;
    const memberId = r.string();
    const protocolType = r.string();
    const protocols = r.array((p) => ({ name: p.string(), metadata: Buffer.from(p.bytes()) }));
    const result = await broker.groups.join(groupId, {
      memberId,
      clientId: header.clientId ?? '',
      clientHost,
      sessionTimeoutMs,
      rebalanceTimeoutMs,
      protocolType,
      protocols,
    });
    return (w) => {
      if (version >= 2) w.int32(0);
      w.int16(result.errorCode).int32(result.generationId).string(result.protocolName);
      w.string(result.leaderId).string(result.memberId);
      w.array(result.members, (w2, m) => w2.string(m.memberId).nullableBytes(m.metadata));
    };
  },
};
