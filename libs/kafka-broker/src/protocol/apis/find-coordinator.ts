import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler } from './api-handler';

/** FindCoordinator 0-1: this single broker coordinates every group (and transaction id). */
export const findCoordinatorHandler: ApiHandler = {
  key: ApiKey.FindCoordinator,
  name: 'FindCoordinator',
  minVersion: 0,
  maxVersion: 1,
  handle(r, { header, broker }) {
    r.string();
    if (header.apiVersion >= 1) r.int8();
    return (w) => {
      if (header.apiVersion >= 1) w.int32(0);
      w.int16(ErrorCode.NONE);
      if (header.apiVersion >= 1) w.nullableString(null);
      w.int32(broker.nodeId).string(broker.advertisedHost).int32(broker.advertisedPort);
    };
  },
};
