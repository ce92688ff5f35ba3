import { ApiKey } from '../api-keys';
import { ErrorCode } from '../error-codes';
import type { ApiHandler } from './api-handler';

const MAX_PARTITIONS = 10_000;

/** CreatePartitions 0-1: grows a topic; existing partitions and their data stay as they are. */
export const createPartitionsHandler: ApiHandler = {
  key: ApiKey.CreatePartitions,
  name: 'CreatePartitions',
  minVersion: 0,
  maxVersion: 1,
  handle(r, { broker }) {
    const topics = r.array((t) => ({
      name: t.string(),
      count: t.int32(),
      assignments: t.nullableArray((a) => a.array((b) => b.int32())),
    }));
    r.int32(); // timeout
    const validateOnly = r.bool();
    const results = topics.map((t) => {
      const topic = broker.topics.get(t.name);
      if (!topic) return { name: t.name, error: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, message: `unknown topic '${t.name}'` };
      if (t.count <= topic.partitions.length || t.count > MAX_PARTITIONS) {
        return { name: t.name, error: ErrorCode.INVALID_PARTITIONS, message: `topic has ${topic.partitions.length} partitions; asked for ${t.count}` };
      }
      if (!validateOnly) {
        broker.topics.addPartitions(t.name, t.count);
        broker.logger.info('partitions added', { topic: t.name, partitions: t.count });
      }
      return { name: t.name, error: ErrorCode.NONE, message: null };
    });
    return (w) => {
      w.int32(0);
      w.array(results, (w2, t) => w2.string(t.name).int16(t.error).nullableString(t.message));
    };
  },
};
