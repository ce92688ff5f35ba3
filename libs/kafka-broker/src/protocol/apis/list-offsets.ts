import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler } from './api-handler';

const LATEST = -1;
const EARLIEST = -2;

/** ListOffsets v1: latest (-1) is the high watermark, earliest (-2) the log start offset. */
export const listOffsetsHandler: ApiHandler = {
  key: ApiKey.ListOffsets,
  name: 'ListOffsets',
  minVersion: 1,
  maxVersion: 1,
  handle(r, { broker }) {
    r.int32(); // replica id
    const topics = r.array((t) => ({
      name: t.string(),
      partitions: t.array((p) => ({ index: p.int32(), timestamp: p.int64() })),
    }));
    const results = topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => {
        const log = broker.topics.partition(t.name, p.index);
        if (!log) return { index: p.index, error: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, timestamp: -1, offset: -1 };
        if (p.timestamp === LATEST) return { index: p.index, error: ErrorCode.NONE, timestamp: -1, offset: log.highWatermark };
        if (p.timestamp === EARLIEST) return { index: p.index, error: ErrorCode.NONE, timestamp: -1, offset: log.logStartOffset };
        const offset = log.offsetForTimestamp(p.timestamp);
        return { index: p.index, error: ErrorCode.NONE, timestamp: offset === null ? -1 : p.timestamp, offset: offset ?? -1 };
      }),
    }));
    return (w) => {
      w.array(results, (w2, t) => {
        w2.string(t.name);
        w2.array(t.partitions, (w3, p) => w3.int32(p.index).int16(p.error).int64(p.timestamp).int64(p.offset));
      });
    };
  },
};
