import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler } from './api-handler';

/** InitProducerId 0-1: a fresh producer id per call, enough for idempotent producers. */
export const initProducerIdHandler: ApiHandler = {
  key: ApiKey.InitProducerId,
  name: 'InitProducerId',
  minVersion: 0,
  maxVersion: 1,
  handle(r, { broker }) {
    r.nullableString(); // transactional id
    r.int32(); // transaction timeout
    const producerId = broker.nextProducerId++;
    return (w) => w.int32(0).int16(ErrorCode.NONE).int64(producerId).int16(0);
  },
};
